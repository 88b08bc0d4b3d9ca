import type { Design, ForeignKeyMatch, ReferentialAction } from '@retort/core';
import type { DesignProblem } from '../store/design-problems';
import { designStore } from '../store/design-store';
import { DeleteAction, Field, Problems, TextField, Toggle } from './fields';
import { fieldProblems } from './problem-paths';

const ACTIONS: ReferentialAction[] = [
  'NO ACTION',
  'RESTRICT',
  'CASCADE',
  'SET NULL',
  'SET DEFAULT',
];

export function ForeignKeyInspector(props: {
  design: Design;
  tableId: string;
  foreignKeyId: string;
  problems: readonly DesignProblem[];
  readOnly: boolean;
}) {
  const { design, tableId, foreignKeyId, problems, readOnly } = props;
  const tableIndex = design.tables.findIndex((t) => t.id === tableId);
  const table = design.tables[tableIndex];
  const fkIndex = table?.foreignKeys.findIndex((fk) => fk.id === foreignKeyId) ?? -1;
  const fk = table?.foreignKeys[fkIndex];
  if (!table || !fk) return null;
  const target = design.tables.find((t) => t.id === fk.references.table);
  const columnName = (ids: string[], owner: typeof table | undefined) =>
    ids.map((id) => owner?.columns.find((c) => c.id === id)?.name ?? '?').join(', ');
  const at = fieldProblems(problems, `tables[${tableIndex}].foreignKeys[${fkIndex}]`, [
    'name',
    'onDelete',
    'onUpdate',
    'match',
    'deferrable',
    'initiallyDeferred',
    'notValid',
  ]);
  const update = (
    patch: Parameters<ReturnType<typeof designStore.getState>['updateForeignKey']>[2],
  ) => designStore.getState().updateForeignKey(tableId, foreignKeyId, patch);

  return (
    <div className="inspector-body" data-testid="foreign-key-inspector">
      <h2 className="inspector-title">Foreign key</h2>
      <p className="inspector-fk-path">
        <code>
          {table.name}({columnName(fk.columns, table)})
        </code>
        <span aria-hidden="true"> → </span>
        <code>
          {target?.name ?? '?'}({columnName(fk.references.columns, target)})
        </code>
      </p>
      <Problems messages={at.general} />
      <TextField
        label="Name"
        problems={at.field('name')}
        aria-label="Constraint name"
        value={fk.name ?? ''}
        placeholder={`${table.name}_${columnName(fk.columns, table).replace(/, /g, '_')}_fkey`}
        disabled={readOnly}
        invalid={false}
        onCommit={(name) => update({ name: name.trim() || null })}
      />
      <ActionSelect
        label="On delete"
        value={fk.onDelete}
        disabled={readOnly}
        problems={at.field('onDelete')}
        onChange={(onDelete) => update({ onDelete })}
      />
      <ActionSelect
        label="On update"
        value={fk.onUpdate}
        disabled={readOnly}
        problems={at.field('onUpdate')}
        onChange={(onUpdate) => update({ onUpdate })}
      />
      <Field label="Match" problems={at.field('match')}>
        <select
          aria-label="Match"
          className="inspector-input"
          value={fk.match}
          disabled={readOnly}
          onChange={(event) => update({ match: event.currentTarget.value as ForeignKeyMatch })}
        >
          <option value="SIMPLE">SIMPLE (default: a NULL in any column skips the check)</option>
          <option value="FULL">FULL (all columns NULL, or none)</option>
        </select>
      </Field>
      <TextField
        label="Comment"
        aria-label="Foreign key comment"
        value={fk.comment ?? ''}
        placeholder="comment (optional)"
        disabled={readOnly}
        onCommit={(comment) => update({ comment: comment.trim() || null })}
      />
      <div className="inspector-toggles">
        <Toggle
          label="Deferrable"
          checked={fk.deferrable}
          disabled={readOnly}
          problems={at.field('deferrable')}
          onChange={(deferrable) =>
            update(deferrable ? { deferrable } : { deferrable, initiallyDeferred: false })
          }
        />
        <Toggle
          label="Initially deferred"
          checked={fk.initiallyDeferred}
          disabled={readOnly || !fk.deferrable}
          problems={at.field('initiallyDeferred')}
          onChange={(initiallyDeferred) => update({ initiallyDeferred })}
        />
        <Toggle
          label="Not valid (existing rows unchecked)"
          checked={fk.notValid}
          disabled={readOnly}
          problems={at.field('notValid')}
          onChange={(notValid) => update({ notValid })}
        />
      </div>
      {!readOnly && (
        <DeleteAction
          label="Delete foreign key"
          onDelete={() => designStore.getState().deleteForeignKey(tableId, foreignKeyId)}
        />
      )}
    </div>
  );
}

function ActionSelect(props: {
  label: string;
  value: ReferentialAction | null;
  disabled: boolean;
  problems: string[] | undefined;
  onChange: (value: ReferentialAction | null) => void;
}) {
  return (
    <Field label={props.label} problems={props.problems}>
      <select
        aria-label={props.label}
        className="inspector-input"
        value={props.value ?? ''}
        disabled={props.disabled}
        onChange={(event) => {
          const value = event.currentTarget.value;
          props.onChange(value === '' ? null : (value as ReferentialAction));
        }}
      >
        <option value="">(default: NO ACTION)</option>
        {ACTIONS.map((action) => (
          <option key={action} value={action}>
            {action}
          </option>
        ))}
      </select>
    </Field>
  );
}
