import { type Design, setPartitionBound, setPartitionKey } from '@retort/core';
import type { DesignProblem } from '../store/design-problems';
import { designStore, useDesignStore } from '../store/design-store';
import { ColorSwatches } from './CanvasItemInspector';
import {
  CommentField,
  CommitInput,
  DeleteAction,
  Field,
  Problems,
  Section,
  TextField,
} from './fields';
import { fieldProblems } from './problem-paths';
import { SchemaField } from './SchemaField';
import { TableKeys } from './TableKeys';
import { TableObjects } from './TableObjects';

export function TableInspector(props: {
  design: Design;
  tableId: string;
  problems: readonly DesignProblem[];
  readOnly: boolean;
}) {
  const { design, tableId, problems, readOnly } = props;
  const tableIndex = design.tables.findIndex((t) => t.id === tableId);
  const table = design.tables[tableIndex];
  const added = useDesignStore((s) => s.added === tableId);
  if (!table) return null;
  const base = `tables[${tableIndex}]`;
  const at = fieldProblems(problems, base, [
    'name',
    'schema',
    'comment',
    'columns',
    'partitionBy',
    'partitionBound',
  ]);
  const store = () => designStore.getState();
  const columnProblems = (i: number) =>
    fieldProblems(problems, `${base}.columns[${i}]`, []).general;

  return (
    <div className="inspector-body" data-testid="table-inspector">
      <TextField
        label="Table name"
        problems={at.field('name')}
        value={table.name}
        focused={added}
        disabled={readOnly}
        onCommit={(name) => store().renameTable(tableId, name)}
      />
      <SchemaField
        design={design}
        listId={`schemas-${tableId}`}
        schema={table.schema}
        problems={at.field('schema')}
        readOnly={readOnly}
        onCommit={(schema) => store().setTableSchema(tableId, schema)}
      />
      <CommentField
        value={table.comment}
        problems={at.field('comment')}
        disabled={readOnly}
        onCommit={(comment) => store().setTableComment(tableId, comment)}
      />
      {table.columns.some((c) => c.primaryKey) && (
        <TextField
          label="Primary key comment"
          value={table.primaryKeyComment ?? ''}
          placeholder="comment (optional)"
          disabled={readOnly}
          onCommit={(comment) => store().setPrimaryKeyComment(tableId, comment)}
        />
      )}

      {table.partitionOf !== undefined ? (
        <Field label="Partition bound" problems={at.field('partitionBound')}>
          <p className="inspector-hint" data-testid="partition-of">
            Partition of {design.tables.find((t) => t.id === table.partitionOf)?.name ?? '?'}: its
            columns, keys and indexes are its parent's.
          </p>
          <CommitInput
            aria-label="Partition bound"
            value={table.partitionBound ?? ''}
            disabled={readOnly}
            invalid={!!at.field('partitionBound')}
            onCommit={(bound) => store().replaceDesign(setPartitionBound(design, tableId, bound))}
          />
        </Field>
      ) : (
        <TextField
          label="Partition key"
          problems={at.field('partitionBy')}
          value={table.partitionBy?.key ?? ''}
          disabled={readOnly}
          onCommit={(key) => store().replaceDesign(setPartitionKey(design, tableId, key))}
        />
      )}

      <Field label="Colour">
        <ColorSwatches
          label="Table colour"
          value={table.color ?? null}
          disabled={readOnly}
          allowNone
          onChange={(color) => store().setTableColor(tableId, color)}
        />
      </Field>

      <Section
        title="Columns"
        action={!readOnly && { label: 'Add column', onClick: () => store().addColumn(tableId) }}
      >
        <Problems
          messages={problems.filter((p) => p.path === `${base}.columns`).map((p) => p.message)}
        />
        <ol className="inspector-columns">
          {table.columns.map((column, i) => {
            const messages = columnProblems(i);
            return (
              <li
                key={column.id}
                className={messages.length ? 'inspector-column field--problem' : 'inspector-column'}
              >
                <button
                  type="button"
                  className="link-button inspector-column__name"
                  title={messages.join('\n') || undefined}
                  onClick={() => store().select({ kind: 'column', tableId, id: column.id })}
                >
                  {column.name}
                </button>
                <code className="inspector-column__type">{column.type}</code>
                {!readOnly && (
                  <span className="inspector-column__buttons">
                    <button
                      type="button"
                      aria-label={`Move ${column.name} up`}
                      title="Move up"
                      disabled={i === 0}
                      onClick={() => store().moveColumn(tableId, column.id, i - 1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      aria-label={`Move ${column.name} down`}
                      title="Move down"
                      disabled={i === table.columns.length - 1}
                      onClick={() => store().moveColumn(tableId, column.id, i + 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      aria-label={`Delete ${column.name}`}
                      title="Delete column"
                      onClick={() => store().deleteColumn(tableId, column.id)}
                    >
                      ×
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </Section>

      <TableKeys table={table} base={base} problems={problems} readOnly={readOnly} />

      <TableObjects design={design} tableId={tableId} readOnly={readOnly} />

      <Problems messages={at.general.filter((m) => !at.field('columns')?.includes(m))} />

      {!readOnly && (
        <DeleteAction label="Delete table" onDelete={() => store().deleteTable(tableId)} />
      )}
    </div>
  );
}
