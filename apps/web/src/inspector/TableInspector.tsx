import { type Design, setPartitionBound, setPartitionKey } from '@retort/core';
import type { DesignProblem } from '../store/design-problems';
import { designStore, useDesignStore } from '../store/design-store';
import { ColorSwatches } from './CanvasItemInspector';
import { CommitInput, DeleteAction, Field, Problems, Section } from './fields';
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
      <Field label="Table name" problems={at.field('name')}>
        <CommitInput
          aria-label="Table name"
          value={table.name}
          focused={added}
          disabled={readOnly}
          invalid={!!at.field('name')}
          onCommit={(name) => store().renameTable(tableId, name)}
        />
      </Field>
      <SchemaField
        design={design}
        listId={`schemas-${tableId}`}
        schema={table.schema}
        problems={at.field('schema')}
        readOnly={readOnly}
        onCommit={(schema) => store().setTableSchema(tableId, schema)}
      />
      <Field label="Comment" problems={at.field('comment')}>
        <CommitInput
          aria-label="Comment"
          value={table.comment ?? ''}
          multiline
          disabled={readOnly}
          onCommit={(comment) => store().setTableComment(tableId, comment)}
        />
      </Field>
      {table.columns.some((c) => c.primaryKey) && (
        <Field label="Primary key comment">
          <CommitInput
            aria-label="Primary key comment"
            value={table.primaryKeyComment ?? ''}
            placeholder="comment (optional)"
            disabled={readOnly}
            onCommit={(comment) => store().setPrimaryKeyComment(tableId, comment)}
          />
        </Field>
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
        <Field label="Partition key" problems={at.field('partitionBy')}>
          <CommitInput
            aria-label="Partition key"
            value={table.partitionBy?.key ?? ''}
            disabled={readOnly}
            invalid={!!at.field('partitionBy')}
            onCommit={(key) => store().replaceDesign(setPartitionKey(design, tableId, key))}
          />
        </Field>
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
        actions={
          !readOnly && (
            <button type="button" onClick={() => store().addColumn(tableId)}>
              Add column
            </button>
          )
        }
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
