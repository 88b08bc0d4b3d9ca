/** Editors for a table's unique constraints, indexes, check and exclusion constraints. */
import {
  EXCLUSION_METHODS,
  type ExclusionElement,
  INDEX_METHODS,
  type Index,
  type IndexMethod,
  type Table,
} from '@retort/core';
import { type DesignProblem, problemsAt } from '../store/design-problems';
import { designStore } from '../store/design-store';
import { CommitInput, Problems, Section } from './fields';

export function TableKeys(props: {
  table: Table;
  base: string;
  problems: readonly DesignProblem[];
  readOnly: boolean;
}) {
  const { table, base, problems, readOnly } = props;
  const store = () => designStore.getState();
  const messages = (path: string) => problemsAt(problems, path).map((p) => p.message);
  const firstPlainColumn = table.columns.find((c) => !c.primaryKey) ?? table.columns[0];
  const starter = firstPlainColumn ? [firstPlainColumn.id] : [];

  return (
    <>
      <Section
        title="Unique constraints"
        actions={
          !readOnly && (
            <button type="button" onClick={() => store().addUnique(table.id, starter)}>
              Add unique
            </button>
          )
        }
      >
        {table.uniques.map((unique, i) => (
          <div className="inspector-key" key={unique.id} data-testid="unique-editor">
            <div className="inspector-key__row">
              <CommitInput
                aria-label="Unique name"
                value={unique.name ?? ''}
                placeholder="name (optional)"
                disabled={readOnly}
                onCommit={(name) =>
                  store().updateUnique(table.id, unique.id, { name: name || null })
                }
              />
              {!readOnly && (
                <RemoveButton
                  label="Delete unique"
                  onClick={() => store().deleteUnique(table.id, unique.id)}
                />
              )}
            </div>
            <ColumnPicker
              table={table}
              selected={unique.columns}
              disabled={readOnly}
              onChange={(columns) => store().updateUnique(table.id, unique.id, { columns })}
            />
            <CommitInput
              aria-label="Unique comment"
              value={unique.comment ?? ''}
              placeholder="comment (optional)"
              disabled={readOnly}
              onCommit={(comment) =>
                store().updateUnique(table.id, unique.id, { comment: comment.trim() || null })
              }
            />
            <Problems messages={messages(`${base}.uniques[${i}]`)} />
          </div>
        ))}
      </Section>

      <Section
        title="Indexes"
        actions={
          !readOnly && (
            <button type="button" onClick={() => store().addIndex(table.id, starter)}>
              Add index
            </button>
          )
        }
      >
        {table.indexes.map((index, i) => (
          <div className="inspector-key" key={index.id} data-testid="index-editor">
            <div className="inspector-key__row">
              <CommitInput
                aria-label="Index name"
                value={index.name ?? ''}
                placeholder="name (optional)"
                disabled={readOnly}
                onCommit={(name) => store().updateIndex(table.id, index.id, { name: name || null })}
              />
              <label className="inspector-inline-toggle">
                <input
                  type="checkbox"
                  aria-label="Unique index"
                  checked={index.unique}
                  disabled={readOnly}
                  onChange={(event) =>
                    store().updateIndex(table.id, index.id, { unique: event.currentTarget.checked })
                  }
                />
                unique
              </label>
              {!readOnly && (
                <RemoveButton
                  label="Delete index"
                  onClick={() => store().deleteIndex(table.id, index.id)}
                />
              )}
            </div>
            {index.keys === null ? (
              <ColumnPicker
                table={table}
                selected={index.columns}
                disabled={readOnly}
                onChange={(columns) => store().updateIndex(table.id, index.id, { columns })}
              />
            ) : (
              <p className="inspector-keys" data-testid="index-keys">
                Keys: <code>{indexKeysText(table, index)}</code>
              </p>
            )}
            <div className="inspector-key__row">
              <select
                aria-label="Index method"
                className="inspector-input"
                value={index.method}
                disabled={readOnly}
                onChange={(event) =>
                  store().updateIndex(table.id, index.id, {
                    method: event.currentTarget.value as IndexMethod,
                  })
                }
              >
                {INDEX_METHODS.map((method) => (
                  <option key={method} value={method}>
                    {method}
                  </option>
                ))}
              </select>
              <CommitInput
                aria-label="Index where"
                className="inspector-code"
                value={index.where ?? ''}
                placeholder="WHERE (partial index, optional)"
                disabled={readOnly}
                onCommit={(where) =>
                  store().updateIndex(table.id, index.id, { where: where.trim() || null })
                }
              />
            </div>
            <CommitInput
              aria-label="Index comment"
              value={index.comment ?? ''}
              placeholder="comment (optional)"
              disabled={readOnly}
              onCommit={(comment) =>
                store().updateIndex(table.id, index.id, { comment: comment.trim() || null })
              }
            />
            <Problems messages={messages(`${base}.indexes[${i}]`)} />
          </div>
        ))}
      </Section>

      <Section
        title="Checks"
        actions={
          !readOnly && (
            <button type="button" onClick={() => store().addCheck(table.id, 'true')}>
              Add check
            </button>
          )
        }
      >
        {table.checks.map((check, i) => (
          <div className="inspector-key" key={check.id} data-testid="check-editor">
            <div className="inspector-key__row">
              <CommitInput
                aria-label="Check name"
                value={check.name ?? ''}
                placeholder="name (optional)"
                disabled={readOnly}
                onCommit={(name) => store().updateCheck(table.id, check.id, { name: name || null })}
              />
              <label
                className="inspector-inline-toggle"
                title="Rows already in the table are not checked; VALIDATE CONSTRAINT checks them later"
              >
                <input
                  type="checkbox"
                  aria-label="Check NOT VALID"
                  checked={check.notValid}
                  disabled={readOnly}
                  onChange={(event) =>
                    store().updateCheck(table.id, check.id, {
                      notValid: event.currentTarget.checked,
                    })
                  }
                />
                NOT VALID
              </label>
              {!readOnly && (
                <RemoveButton
                  label="Delete check"
                  onClick={() => store().deleteCheck(table.id, check.id)}
                />
              )}
            </div>
            <CommitInput
              aria-label="Check expression"
              className="inspector-code"
              value={check.expression}
              placeholder="e.g. price >= 0"
              disabled={readOnly}
              onCommit={(expression) => store().updateCheck(table.id, check.id, { expression })}
            />
            <CommitInput
              aria-label="Check comment"
              value={check.comment ?? ''}
              placeholder="comment (optional)"
              disabled={readOnly}
              onCommit={(comment) =>
                store().updateCheck(table.id, check.id, { comment: comment.trim() || null })
              }
            />
            <Problems messages={messages(`${base}.checks[${i}]`)} />
          </div>
        ))}
      </Section>

      <Section
        title="Exclusion constraints"
        actions={
          !readOnly &&
          firstPlainColumn && (
            <button
              type="button"
              onClick={() => store().addExclusion(table.id, firstPlainColumn.id)}
            >
              Add exclusion
            </button>
          )
        }
      >
        {(table.exclusions ?? []).map((exclusion, i) => {
          const setElements = (elements: ExclusionElement[]) =>
            store().updateExclusion(table.id, exclusion.id, { elements });
          return (
            <div className="inspector-key" key={exclusion.id} data-testid="exclusion-editor">
              <div className="inspector-key__row">
                <CommitInput
                  aria-label="Exclusion name"
                  value={exclusion.name ?? ''}
                  placeholder="name (optional)"
                  disabled={readOnly}
                  onCommit={(name) =>
                    store().updateExclusion(table.id, exclusion.id, { name: name || null })
                  }
                />
                <select
                  aria-label="Exclusion method"
                  className="inspector-input"
                  value={exclusion.method}
                  disabled={readOnly}
                  onChange={(event) =>
                    store().updateExclusion(table.id, exclusion.id, {
                      method: event.currentTarget.value as IndexMethod,
                    })
                  }
                >
                  {EXCLUSION_METHODS.map((method) => (
                    <option key={method} value={method}>
                      {method}
                    </option>
                  ))}
                </select>
                {!readOnly && (
                  <RemoveButton
                    label="Delete exclusion"
                    onClick={() => store().deleteExclusion(table.id, exclusion.id)}
                  />
                )}
              </div>
              {exclusion.elements.map((element, e) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: elements have no id; their place is who they are
                <div className="inspector-key__row" key={e}>
                  {element.column !== null ? (
                    <select
                      aria-label="Exclusion column"
                      className="inspector-input"
                      value={element.column}
                      disabled={readOnly}
                      onChange={(event) => {
                        const column = event.currentTarget.value;
                        setElements(
                          exclusion.elements.map((x, n) => (n === e ? { ...x, column } : x)),
                        );
                      }}
                    >
                      {table.columns.map((column) => (
                        <option key={column.id} value={column.id}>
                          {column.name}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <code>({element.expression})</code>
                  )}
                  WITH
                  <CommitInput
                    aria-label="Exclusion operator"
                    className="inspector-code"
                    value={element.operator}
                    placeholder="= or &&"
                    disabled={readOnly}
                    onCommit={(operator) =>
                      setElements(
                        exclusion.elements.map((x, n) =>
                          n === e ? { ...x, operator: operator.trim() } : x,
                        ),
                      )
                    }
                  />
                  {!readOnly && exclusion.elements.length > 1 && (
                    <RemoveButton
                      label="Remove element"
                      onClick={() => setElements(exclusion.elements.filter((_, n) => n !== e))}
                    />
                  )}
                </div>
              ))}
              {!readOnly && firstPlainColumn && (
                <button
                  type="button"
                  onClick={() =>
                    setElements([
                      ...exclusion.elements,
                      { ...exclusion.elements[0]!, column: firstPlainColumn.id, operator: '=' },
                    ])
                  }
                >
                  Add element
                </button>
              )}
              <div className="inspector-key__row">
                <CommitInput
                  aria-label="Exclusion where"
                  className="inspector-code"
                  value={exclusion.where ?? ''}
                  placeholder="WHERE (optional)"
                  disabled={readOnly}
                  onCommit={(where) =>
                    store().updateExclusion(table.id, exclusion.id, {
                      where: where.trim() || null,
                    })
                  }
                />
                <label className="inspector-inline-toggle">
                  <input
                    type="checkbox"
                    aria-label="Exclusion deferrable"
                    checked={exclusion.deferrable}
                    disabled={readOnly}
                    onChange={(event) =>
                      store().updateExclusion(table.id, exclusion.id, {
                        deferrable: event.currentTarget.checked,
                      })
                    }
                  />
                  deferrable
                </label>
              </div>
              <CommitInput
                aria-label="Exclusion comment"
                value={exclusion.comment ?? ''}
                placeholder="comment (optional)"
                disabled={readOnly}
                onCommit={(comment) =>
                  store().updateExclusion(table.id, exclusion.id, {
                    comment: comment.trim() || null,
                  })
                }
              />
              <Problems messages={messages(`${base}.exclusions[${i}]`)} />
            </div>
          );
        })}
      </Section>
    </>
  );
}

/** An index's keys as its DDL lists them: `lower(email), created_at DESC NULLS LAST`. */
function indexKeysText(table: Table, index: Index): string {
  return (index.keys ?? [])
    .map((key) => {
      const column = table.columns.find((c) => c.id === key.column)?.name;
      const parts = [key.expression !== null ? `(${key.expression})` : (column ?? '?')];
      if (key.collation) parts.push(`COLLATE "${key.collation}"`);
      if (key.opclass) parts.push(key.opclass);
      if (key.descending) parts.push('DESC');
      if (key.nulls) parts.push(`NULLS ${key.nulls}`);
      return parts.join(' ');
    })
    .join(', ');
}

/** Column chips to toggle, in the table's column order. */
function ColumnPicker(props: {
  table: Table;
  selected: string[];
  disabled: boolean;
  onChange: (columns: string[]) => void;
}) {
  const { table, selected, disabled, onChange } = props;
  return (
    <div className="column-picker">
      {table.columns.map((column) => {
        const on = selected.includes(column.id);
        return (
          <button
            key={column.id}
            type="button"
            aria-pressed={on}
            disabled={disabled}
            className={on ? 'chip chip--on' : 'chip'}
            onClick={() =>
              onChange(
                on
                  ? selected.filter((id) => id !== column.id)
                  : table.columns
                      .map((c) => c.id)
                      .filter((id) => id === column.id || selected.includes(id)),
              )
            }
          >
            {column.name}
          </button>
        );
      })}
    </div>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      ×
    </button>
  );
}
