import type { Design } from '@retort/core';
import { TextField } from './fields';

/** The schema of a table or an enum, suggesting the schemas the design already uses. */
export function SchemaField(props: {
  design: Design;
  /** Unique on the page: names the suggestion list. */
  listId: string;
  schema: string | undefined;
  problems: string[] | undefined;
  readOnly: boolean;
  onCommit: (schema: string) => void;
}) {
  const { design, listId, schema, problems, readOnly, onCommit } = props;
  const used = [...design.tables, ...design.enums].flatMap((x) => (x.schema ? [x.schema] : []));
  const schemas = [...new Set(['public', ...used])].sort();
  return (
    <TextField
      label="Schema"
      problems={problems}
      value={schema ?? 'public'}
      list={listId}
      disabled={readOnly}
      onCommit={onCommit}
    >
      <datalist id={listId}>
        {schemas.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </TextField>
  );
}
