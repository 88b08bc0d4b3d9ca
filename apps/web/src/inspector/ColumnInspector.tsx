import type { Column, ColumnIdentity, Design } from '@retort/core';
import { IDENTITY_OPTION_DEFAULTS, objectQualifiedName, SUGGESTED_TYPES } from '@retort/core';
import type { DesignProblem } from '../store/design-problems';
import { designStore, useDesignStore } from '../store/design-store';
import { CommentField, Crumbs, DeleteAction, Field, Problems, TextField, Toggle } from './fields';
import { fieldProblems } from './problem-paths';

const FIELDS = [
  'name',
  'type',
  'nullable',
  'primaryKey',
  'autoincrement',
  'unique',
  'default',
  'identity',
  'generated',
  'collation',
  'comment',
] as const;

/** Collations every Postgres has; others are typed in (`"de-x-icu"`, `en_US.utf8`). */
const COMMON_COLLATIONS = ['C', 'POSIX', 'und-x-icu'];

/** The identity options the inspector edits; the others keep what the file says. */
const IDENTITY_FIELDS = [
  ['start', 'Starts at', 'Identity start'],
  ['increment', 'Increment', 'Identity increment'],
] as const;

/** The patch that makes a column an identity (or not): Postgres makes it NOT NULL, with no default. */
function identityPatch(column: Column, generation: string): Partial<Column> {
  if (generation === '') return { identity: undefined };
  const identity: ColumnIdentity = {
    ...(column.identity ?? IDENTITY_OPTION_DEFAULTS),
    generation: generation as ColumnIdentity['generation'],
  };
  return { identity, nullable: false, default: null, autoincrement: false };
}

export function ColumnInspector(props: {
  design: Design;
  tableId: string;
  columnId: string;
  problems: readonly DesignProblem[];
  readOnly: boolean;
}) {
  const { design, tableId, columnId, problems, readOnly } = props;
  const tableIndex = design.tables.findIndex((t) => t.id === tableId);
  const table = design.tables[tableIndex];
  const columnIndex = table?.columns.findIndex((c) => c.id === columnId) ?? -1;
  const column = table?.columns[columnIndex];
  const added = useDesignStore((s) => s.added === columnId);
  if (!table || !column) return null;

  const at = fieldProblems(problems, `tables[${tableIndex}].columns[${columnIndex}]`, FIELDS);
  const store = designStore.getState();
  const update = (patch: Parameters<typeof store.updateColumn>[2]) =>
    designStore.getState().updateColumn(tableId, columnId, patch);
  const typeListId = `retort-types-${columnId}`;

  return (
    <div className="inspector-body" data-testid="column-inspector">
      <Crumbs
        parent={table.name}
        onParent={() => designStore.getState().select({ kind: 'table', id: tableId })}
        name={column.name}
      />
      <Problems messages={at.general} />
      <TextField
        label="Name"
        problems={at.field('name')}
        aria-label="Column name"
        value={column.name}
        focused={added}
        disabled={readOnly}
        onCommit={(name) => update({ name })}
      />
      <TextField
        label="Type"
        problems={at.field('type')}
        aria-label="Column type"
        value={column.type}
        list={typeListId}
        disabled={readOnly}
        onCommit={(type) => update({ type })}
      >
        <datalist id={typeListId}>
          {design.enums.map((e) => (
            <option key={e.id} value={e.name}>
              enum
            </option>
          ))}
          {(design.domains ?? []).map((d) => (
            <option key={d.id} value={objectQualifiedName(d)}>
              {`domain over ${d.type}`}
            </option>
          ))}
          {(design.compositeTypes ?? []).map((t) => (
            <option key={t.id} value={objectQualifiedName(t)}>
              composite type
            </option>
          ))}
          {SUGGESTED_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      </TextField>
      <div className="inspector-toggles">
        <Toggle
          label="Nullable"
          checked={column.nullable}
          disabled={readOnly || column.primaryKey}
          problems={at.field('nullable')}
          onChange={(nullable) => update({ nullable })}
        />
        <Toggle
          label="Primary key"
          checked={column.primaryKey}
          disabled={readOnly}
          problems={at.field('primaryKey')}
          onChange={(primaryKey) => update({ primaryKey })}
        />
        <Toggle
          label="Autoincrement"
          checked={column.autoincrement}
          disabled={readOnly}
          problems={at.field('autoincrement')}
          onChange={(autoincrement) => update({ autoincrement })}
        />
        <Toggle
          label="Unique"
          checked={column.unique}
          disabled={readOnly}
          problems={at.field('unique')}
          onChange={(unique) => update({ unique })}
        />
      </div>
      <TextField
        label="Default (SQL)"
        problems={at.field('default')}
        aria-label="Default"
        value={column.default?.sql ?? ''}
        placeholder="e.g. now(), 0, 'new'"
        disabled={readOnly}
        onCommit={(sql) => update({ default: sql.trim() ? { sql: sql.trim() } : null })}
      />
      <Field label="Identity" problems={at.field('identity')}>
        <select
          aria-label="Identity"
          className="inspector-input"
          value={column.identity?.generation ?? ''}
          disabled={readOnly}
          onChange={(event) => update(identityPatch(column, event.currentTarget.value))}
        >
          <option value="">None</option>
          <option value="ALWAYS">GENERATED ALWAYS AS IDENTITY</option>
          <option value="BY DEFAULT">GENERATED BY DEFAULT AS IDENTITY</option>
        </select>
      </Field>
      {column.identity && (
        <div className="inspector-pair">
          {IDENTITY_FIELDS.map(([key, label, ariaLabel]) => (
            <TextField
              key={key}
              label={label}
              aria-label={ariaLabel}
              value={column.identity?.[key] ?? ''}
              placeholder="1"
              disabled={readOnly}
              onCommit={(value) =>
                update({ identity: { ...column.identity!, [key]: value.trim() || null } })
              }
            />
          ))}
        </div>
      )}
      <TextField
        label="Generated (SQL, stored)"
        problems={at.field('generated')}
        aria-label="Generated expression"
        value={column.generated?.sql ?? ''}
        placeholder="e.g. price * quantity"
        disabled={readOnly}
        onCommit={(sql) =>
          update(
            sql.trim()
              ? { generated: { sql: sql.trim() }, default: null }
              : { generated: undefined },
          )
        }
      />
      <TextField
        label="Collation"
        problems={at.field('collation')}
        value={column.collation ?? ''}
        list={`${typeListId}-collations`}
        placeholder="the type's default"
        disabled={readOnly}
        onCommit={(collation) => update({ collation: collation.trim() || undefined })}
      >
        <datalist id={`${typeListId}-collations`}>
          {COMMON_COLLATIONS.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </TextField>
      <CommentField
        value={column.comment}
        problems={at.field('comment')}
        disabled={readOnly}
        onCommit={(comment) => update({ comment: comment.trim() ? comment : null })}
      />
      {!readOnly && (
        <DeleteAction
          label="Delete column"
          onDelete={() => designStore.getState().deleteColumn(tableId, columnId)}
        />
      )}
    </div>
  );
}
