/**
 * The Objects tab's standalone sequences: each with its name, schema, type, options, owner
 * and comment, edited in place (a field commits when it loses focus; an empty option takes
 * Postgres' default), deleted, or a new one added with Postgres' defaults.
 */
import { type Design, objectQualifiedName, SEQUENCE_DATA_TYPES, type Sequence } from '@retort/core';
import { designStore } from '../store/design-store';

const OPTIONS = [
  ['start', 'Start'],
  ['increment', 'Increment'],
  ['minValue', 'Minimum'],
  ['maxValue', 'Maximum'],
  ['cache', 'Cache'],
] as const;

/** `table.column` choices for OWNED BY: columns of tables in the sequence's schema. */
function owners(design: Design, s: Sequence): { value: string; label: string }[] {
  return design.tables
    .filter((t) => (t.schema ?? 'public') === (s.schema ?? 'public') && !t.partitionOf)
    .flatMap((t) =>
      t.columns.map((c) => ({ value: `${t.id} ${c.id}`, label: `${t.name}.${c.name}` })),
    );
}

function SequenceRow({ design, s, readOnly }: { design: Design; s: Sequence; readOnly: boolean }) {
  const update = (patch: Partial<Sequence>) => designStore.getState().updateSequence(s.id, patch);
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  const owner = s.ownedBy === null ? '' : `${s.ownedBy.table} ${s.ownedBy.column}`;
  return (
    <li className="inspector-column" data-testid={`sequence-${s.id}`}>
      <fieldset disabled={readOnly} className="sequence-fields">
        <legend>{objectQualifiedName(s)}</legend>
        <label>
          Name
          <input
            key={`${s.id}-name-${s.name}`}
            defaultValue={s.name}
            onBlur={(e) =>
              e.currentTarget.value.trim() && update({ name: e.currentTarget.value.trim() })
            }
          />
        </label>
        <label>
          Schema
          <input
            key={`${s.id}-schema-${s.schema ?? ''}`}
            defaultValue={s.schema ?? 'public'}
            onBlur={(e) => update({ schema: e.currentTarget.value.trim() || undefined })}
          />
        </label>
        <label>
          Type
          <select
            value={s.dataType}
            onChange={(e) => update({ dataType: e.currentTarget.value as Sequence['dataType'] })}
          >
            {SEQUENCE_DATA_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        {OPTIONS.map(([key, label]) => (
          <label key={key}>
            {label}
            <input
              key={`${s.id}-${key}-${s[key] ?? ''}`}
              defaultValue={s[key] ?? ''}
              placeholder="default"
              inputMode="numeric"
              onBlur={(e) => {
                const value = text(e.currentTarget.value);
                if (value === null || /^-?[0-9]{1,19}$/.test(value)) update({ [key]: value });
              }}
            />
          </label>
        ))}
        <label>
          <input
            type="checkbox"
            checked={s.cycle}
            onChange={(e) => update({ cycle: e.currentTarget.checked })}
          />
          Cycle
        </label>
        <label>
          Owned by
          <select
            value={owner}
            onChange={(e) => {
              const [table, column] = e.currentTarget.value.split(' ');
              update({ ownedBy: table && column ? { table, column } : null });
            }}
          >
            <option value="">no column</option>
            {owners(design, s).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Comment
          <input
            key={`${s.id}-comment-${s.comment ?? ''}`}
            defaultValue={s.comment ?? ''}
            onBlur={(e) => update({ comment: text(e.currentTarget.value) })}
          />
        </label>
        <button type="button" onClick={() => designStore.getState().deleteSequence(s.id)}>
          Delete
        </button>
      </fieldset>
    </li>
  );
}

export function SequencesSection({ design, readOnly }: { design: Design; readOnly: boolean }) {
  const sequences = design.sequences ?? [];
  return (
    <section className="inspector-section" aria-label="Sequences">
      <header className="inspector-section__header">
        <h3>
          Sequences <span className="muted-note">{sequences.length}</span>
        </h3>
        {!readOnly && (
          <button type="button" onClick={() => designStore.getState().addSequence()}>
            New sequence
          </button>
        )}
      </header>
      <ul className="inspector-columns" aria-label="Sequences">
        {sequences.map((s) => (
          <SequenceRow key={s.id} design={design} s={s} readOnly={readOnly} />
        ))}
      </ul>
    </section>
  );
}
