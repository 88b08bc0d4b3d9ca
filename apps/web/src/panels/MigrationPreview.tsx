/**
 * A migration's files side by side as tabs (SQL upgrade, downgrade, the Alembic revision)
 * and the chosen one's code; the panel owns which tab is chosen.
 */

import { type CodeLanguage, CodeView } from './CodeView';
import { copyCode, downloadCode } from './code-actions';
import { TabStrip } from './TabStrip';

export interface PreviewFile<Id extends string> {
  id: Id;
  /** The tab's text. */
  tab: string;
  code: string;
  language: CodeLanguage;
  /** The code view's label. */
  label: string;
  /** The file name Download saves it under. */
  file: string;
}

interface MigrationPreviewProps<Id extends string> {
  /** The tab list's accessible name. */
  title: string;
  files: readonly PreviewFile<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  maxHeight: string;
}

export function MigrationPreview<Id extends string>({
  title,
  files,
  selected,
  onSelect,
  maxHeight,
}: MigrationPreviewProps<Id>) {
  const shown = files.find((f) => f.id === selected) ?? files[0];
  return (
    <>
      <TabStrip
        label={title}
        tabs={files.map((f) => ({ id: f.id, label: f.tab }))}
        selected={selected}
        onSelect={onSelect}
        variant="subtab"
      />
      {shown && (
        <div className="panel-actions">
          <button type="button" onClick={() => void copyCode(shown.code, shown.tab)}>
            Copy
          </button>
          <button type="button" onClick={() => downloadCode(shown.code, shown.file)}>
            Download {shown.file}
          </button>
        </div>
      )}
      {shown && (
        <CodeView
          code={shown.code}
          language={shown.language}
          label={shown.label}
          maxHeight={maxHeight}
        />
      )}
    </>
  );
}

/** Statements as one script, each ended by a semicolon. */
export function sqlScript(statements: readonly string[]): string {
  return statements.map((s) => (s.trimEnd().endsWith(';') ? s : `${s};`)).join('\n\n');
}
