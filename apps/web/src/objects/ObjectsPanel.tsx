/**
 * The sidebar's "Objects" tab: every view, function, procedure, trigger, policy and
 * row-level security setting of the design, by kind. Choosing one selects it (the inspector
 * shows it; a view is also centred on the canvas); "New…" opens the SQL editor on a template.
 */
import { OBJECT_KIND_WORDS } from '@retort/core';
import { useState } from 'react';
import { designStore, useDesignStore } from '../store/design-store';
import { viewStore } from '../store/view-store';
import { objectEditorStore } from './editor-store';
import { objectGroups, objectLabel } from './object-list';
import { TEMPLATE_KINDS, type TemplateKind, templateSql } from './object-sql';
import { SequencesSection } from './SequencesSection';

export function ObjectsPanel() {
  const design = useDesignStore((s) => s.design);
  const readOnly = useDesignStore((s) => s.readOnly);
  const selection = useDesignStore((s) => s.selection);
  const [kind, setKind] = useState<TemplateKind>('view');
  if (!design) return null;
  const groups = objectGroups(design);
  return (
    <div className="panel objects-panel" data-testid="objects-panel">
      {!readOnly && (
        <div className="objects-panel__new">
          <select
            aria-label="Kind of new object"
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as TemplateKind)}
          >
            {TEMPLATE_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => objectEditorStore.getState().create(templateSql(design, kind))}
          >
            New…
          </button>
        </div>
      )}
      {groups.length === 0 && (
        <p className="inspector-hint">
          No views, functions, triggers or policies yet. Write one in SQL with New…, or import a
          schema that has them.
        </p>
      )}
      {groups.map((group) => (
        <section key={group.title} className="inspector-section">
          <header className="inspector-section__header">
            <h3>
              {group.title} <span className="muted-note">{group.objects.length}</span>
            </h3>
          </header>
          <ul className="inspector-columns" aria-label={group.title}>
            {group.objects.map((o) => (
              <li
                key={o.id}
                className={
                  selection?.kind === 'object' && selection.id === o.id
                    ? 'inspector-column objects-panel__item--selected'
                    : 'inspector-column'
                }
              >
                <button
                  type="button"
                  className="link-button inspector-column__name"
                  onClick={() => selectObject(o.id, o.kind)}
                >
                  {objectLabel(design, o)}
                </button>
                <code className="inspector-column__type">{OBJECT_KIND_WORDS[o.kind]}</code>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <SequencesSection design={design} readOnly={readOnly} />
    </div>
  );
}

/** Selects an object; a view (drawn on the canvas) is centred too. */
export function selectObject(id: string, kind: string) {
  designStore.getState().select({ kind: 'object', id });
  if (kind === 'view' || kind === 'materialized_view') viewStore.getState().revealItem(id);
}
