/**
 * The models as they are drawn, in every format, generated here in the browser by
 * `@retort/codegen` from the design in the store.
 */

import { MODEL_EMITTERS, MODEL_FORMAT_NAMES, type ModelEmitter } from '@retort/codegen';
import { useDeferredValue, useMemo, useState } from 'react';
import { useDesignProblems } from '../store/design-problems';
import { useDesignStore } from '../store/design-store';
import { CodeView } from './CodeView';
import { copyCode, downloadCode } from './code-actions';
import { TabStrip } from './TabStrip';

interface Format extends ModelEmitter {
  id: string;
}

const FORMATS: Format[] = MODEL_FORMAT_NAMES.map((id) => ({ id, ...MODEL_EMITTERS[id] }));

const FIX_FIRST = "Fix the design's problems to see code";

export function CodePanel() {
  const design = useDeferredValue(useDesignStore((s) => s.design));
  const [formatId, setFormatId] = useState('sqlalchemy');
  const format = FORMATS.find((f) => f.id === formatId) ?? (FORMATS[0] as Format);
  const problems = useDesignProblems(design);
  const code = useMemo(() => {
    if (!design || problems.length > 0) return null;
    try {
      return format.emit(design);
    } catch {
      return null;
    }
  }, [design, problems, format]);

  const copy = () => code !== null && copyCode(code, `${format.label} code`);
  const download = () => code !== null && downloadCode(code, format.file);

  return (
    <section className="panel code-panel" aria-label="Code">
      <TabStrip
        label="Code format"
        tabs={FORMATS}
        selected={format.id}
        onSelect={setFormatId}
        variant="subtab"
      />
      <div className="panel-actions">
        <button type="button" onClick={copy} disabled={code === null}>
          Copy
        </button>
        <button type="button" onClick={download} disabled={code === null}>
          Download {format.file}
        </button>
      </div>
      {code === null ? (
        <p className="empty-note" data-testid="code-unavailable">
          {FIX_FIRST}
        </p>
      ) : (
        <CodeView code={code} language={format.language} label={format.id} />
      )}
    </section>
  );
}
