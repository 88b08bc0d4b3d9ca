/** Editors for a table's unique constraints, indexes, check and exclusion constraints. */
import {
  EXCLUSION_METHODS,
  type ExclusionConstraint,
  type ExclusionElement,
  INDEX_METHODS,
  type Index,
  type IndexMethod,
  type Table,
} from '@retort/core';
import type { ReactNode } from 'react';
import { type DesignProblem, problemsAt } from '../store/design-problems';
import { type DesignStore, designStore } from '../store/design-store';
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
  const shared = { readOnly, messages };

  return (
    <>
      <KeyList
        {...shared}
        title="Unique constraints"
        noun="Unique"
        path={`${base}.uniques`}
        keys={table.uniques}
        onAdd={() => store().addUnique(table.id, starter)}
        onUpdate={(id, patch) => store().updateUnique(table.id, id, patch)}
        onDelete={(id) => store().deleteUnique(table.id, id)}
        body={(unique) => (
          <ColumnPicker
            table={table}
            selected={unique.columns}
            disabled={readOnly}
            onChange={(columns) => store().updateUnique(table.id, unique.id, { columns })}
          />
        )}
      />

      <KeyList
        {...shared}
        title="Indexes"
        noun="Index"
        path={`${base}.indexes`}
        keys={table.indexes}
        onAdd={() => store().addIndex(table.id, starter)}
        onUpdate={(id, patch) => store().updateIndex(table.id, id, patch)}
        onDelete={(id) => store().deleteIndex(table.id, id)}
        nameRow={(index) => (
          <InlineToggle
            label="Unique index"
            text="unique"
            checked={index.unique}
            disabled={readOnly}
            onChange={(unique) => store().updateIndex(table.id, index.id, { unique })}
          />
        )}
        body={(index) => (
          <>
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
              <MethodSelect
                label="Index method"
                methods={INDEX_METHODS}
                value={index.method}
                disabled={readOnly}
                onChange={(method) => store().updateIndex(table.id, index.id, { method })}
              />
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
          </>
        )}
      />

      <KeyList
        {...shared}
        title="Checks"
        noun="Check"
        path={`${base}.checks`}
        keys={table.checks}
        onAdd={() => store().addCheck(table.id, 'true')}
        onUpdate={(id, patch) => store().updateCheck(table.id, id, patch)}
        onDelete={(id) => store().deleteCheck(table.id, id)}
        nameRow={(check) => (
          <InlineToggle
            label="Check NOT VALID"
            text="NOT VALID"
            title="Rows already in the table are not checked; VALIDATE CONSTRAINT checks them later"
            checked={check.notValid}
            disabled={readOnly}
            onChange={(notValid) => store().updateCheck(table.id, check.id, { notValid })}
          />
        )}
        body={(check) => (
          <CommitInput
            aria-label="Check expression"
            className="inspector-code"
            value={check.expression}
            placeholder="e.g. price >= 0"
            disabled={readOnly}
            onCommit={(expression) => store().updateCheck(table.id, check.id, { expression })}
          />
        )}
      />

      <KeyList
        {...shared}
        title="Exclusion constraints"
        noun="Exclusion"
        path={`${base}.exclusions`}
        keys={table.exclusions ?? []}
        onAdd={firstPlainColumn && (() => store().addExclusion(table.id, firstPlainColumn.id))}
        onUpdate={(id, patch) => store().updateExclusion(table.id, id, patch)}
        onDelete={(id) => store().deleteExclusion(table.id, id)}
        nameRow={(exclusion) => (
          <MethodSelect
            label="Exclusion method"
            methods={EXCLUSION_METHODS}
            value={exclusion.method}
            disabled={readOnly}
            onChange={(method) => store().updateExclusion(table.id, exclusion.id, { method })}
          />
        )}
        body={(exclusion) => (
          <ExclusionBody
            table={table}
            exclusion={exclusion}
            newColumn={firstPlainColumn?.id ?? null}
            readOnly={readOnly}
          />
        )}
      />
    </>
  );
}

/** What every kind of key has: a name, a remove button, a comment and its problems. */
interface NamedKey {
  id: string;
  name: string | null;
  comment: string | null;
}

/**
 * One section listing a table's keys of one kind. Each key is a box: a row with its name,
 * `nameRow`'s fields and a remove button, then `body`, its comment and its problems.
 */
function KeyList<K extends NamedKey>(props: {
  title: string;
  /** Names the fields: `Unique` gives "Unique name", "Delete unique", "Add unique". */
  noun: string;
  path: string;
  keys: readonly K[];
  readOnly: boolean;
  messages: (path: string) => string[];
  /** Absent when there is nothing to build a new key from. */
  onAdd: (() => void) | undefined;
  onUpdate: (id: string, patch: { name?: string | null; comment?: string | null }) => void;
  onDelete: (id: string) => void;
  nameRow?: (key: K) => ReactNode;
  body: (key: K) => ReactNode;
}) {
  const { noun, readOnly, onAdd, onUpdate, onDelete } = props;
  const word = noun.toLowerCase();
  return (
    <Section
      title={props.title}
      action={!readOnly && !!onAdd && { label: `Add ${word}`, onClick: onAdd }}
    >
      {props.keys.map((key, i) => (
        <div className="inspector-key" key={key.id} data-testid={`${word}-editor`}>
          <div className="inspector-key__row">
            <CommitInput
              aria-label={`${noun} name`}
              value={key.name ?? ''}
              placeholder="name (optional)"
              disabled={readOnly}
              onCommit={(name) => onUpdate(key.id, { name: name || null })}
            />
            {props.nameRow?.(key)}
            {!readOnly && (
              <RemoveButton label={`Delete ${word}`} onClick={() => onDelete(key.id)} />
            )}
          </div>
          {props.body(key)}
          <CommitInput
            aria-label={`${noun} comment`}
            value={key.comment ?? ''}
            placeholder="comment (optional)"
            disabled={readOnly}
            onCommit={(comment) => onUpdate(key.id, { comment: comment.trim() || null })}
          />
          <Problems messages={props.messages(`${props.path}[${i}]`)} />
        </div>
      ))}
    </Section>
  );
}

/** An exclusion constraint's elements (column or expression WITH operator), WHERE and DEFERRABLE. */
function ExclusionBody(props: {
  table: Table;
  exclusion: ExclusionConstraint;
  /** The column a new element starts with; null: no element can be added. */
  newColumn: string | null;
  readOnly: boolean;
}) {
  const { table, exclusion, newColumn, readOnly } = props;
  const update = (patch: Parameters<DesignStore['updateExclusion']>[2]) =>
    designStore.getState().updateExclusion(table.id, exclusion.id, patch);
  const setElements = (elements: ExclusionElement[]) => update({ elements });
  const setElement = (e: number, patch: Partial<ExclusionElement>) =>
    setElements(exclusion.elements.map((x, n) => (n === e ? { ...x, ...patch } : x)));
  return (
    <>
      {exclusion.elements.map((element, e) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: elements have no id; their place is who they are
        <div className="inspector-key__row" key={e}>
          {element.column !== null ? (
            <select
              aria-label="Exclusion column"
              className="inspector-input"
              value={element.column}
              disabled={readOnly}
              onChange={(event) => setElement(e, { column: event.currentTarget.value })}
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
            onCommit={(operator) => setElement(e, { operator: operator.trim() })}
          />
          {!readOnly && exclusion.elements.length > 1 && (
            <RemoveButton
              label="Remove element"
              onClick={() => setElements(exclusion.elements.filter((_, n) => n !== e))}
            />
          )}
        </div>
      ))}
      {!readOnly && newColumn && (
        <button
          type="button"
          onClick={() =>
            setElements([
              ...exclusion.elements,
              { ...exclusion.elements[0]!, column: newColumn, operator: '=' },
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
          onCommit={(where) => update({ where: where.trim() || null })}
        />
        <InlineToggle
          label="Exclusion deferrable"
          text="deferrable"
          checked={exclusion.deferrable}
          disabled={readOnly}
          onChange={(deferrable) => update({ deferrable })}
        />
      </div>
    </>
  );
}

/** A checkbox with a short word beside it, inside a key's row. */
function InlineToggle(props: {
  label: string;
  text: string;
  title?: string;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="inspector-inline-toggle" title={props.title}>
      <input
        type="checkbox"
        aria-label={props.label}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      {props.text}
    </label>
  );
}

function MethodSelect(props: {
  label: string;
  methods: readonly IndexMethod[];
  value: IndexMethod;
  disabled: boolean;
  onChange: (method: IndexMethod) => void;
}) {
  return (
    <select
      aria-label={props.label}
      className="inspector-input"
      value={props.value}
      disabled={props.disabled}
      onChange={(event) => props.onChange(event.currentTarget.value as IndexMethod)}
    >
      {props.methods.map((method) => (
        <option key={method} value={method}>
          {method}
        </option>
      ))}
    </select>
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
