import type { Design } from '@retort/core';
import { useState } from 'react';
import type { DesignProblem } from '../store/design-problems';
import { designStore } from '../store/design-store';
import { CommitInput, Crumbs, DeleteAction, Problems, Section, TextField } from './fields';
import { fieldProblems } from './problem-paths';
import { SchemaField } from './SchemaField';

export function EnumInspector(props: {
  design: Design;
  enumId: string;
  problems: readonly DesignProblem[];
  readOnly: boolean;
}) {
  const { design, enumId, problems, readOnly } = props;
  const enumIndex = design.enums.findIndex((e) => e.id === enumId);
  const enumType = design.enums[enumIndex];
  const [newValue, setNewValue] = useState('');
  if (!enumType) return null;
  const base = `enums[${enumIndex}]`;
  const at = fieldProblems(problems, base, ['name', 'schema', 'values']);
  const setValues = (values: string[]) => designStore.getState().updateEnum(enumId, { values });
  const usedBy = design.tables.flatMap((t) =>
    t.columns
      .filter((c) => c.type === enumType.name || c.type === `${enumType.name}[]`)
      .map((c) => `${t.name}.${c.name}`),
  );
  const addValue = () => {
    const value = newValue.trim();
    if (!value) return;
    setValues([...enumType.values, value]);
    setNewValue('');
  };

  return (
    <div className="inspector-body" data-testid="enum-inspector">
      <Crumbs
        parent="Enums"
        onParent={() => designStore.getState().select(null)}
        name={enumType.name}
      />
      <TextField
        label="Enum name"
        problems={at.field('name')}
        value={enumType.name}
        disabled={readOnly}
        onCommit={(name) => designStore.getState().updateEnum(enumId, { name })}
      />
      <SchemaField
        design={design}
        listId={`schemas-${enumId}`}
        schema={enumType.schema}
        problems={at.field('schema')}
        readOnly={readOnly}
        onCommit={(schema) => designStore.getState().setEnumSchema(enumId, schema)}
      />
      <Section title="Values">
        <ol className="inspector-columns">
          {enumType.values.map((value, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: values may repeat while being edited; position is their identity
            <li key={`${i}:${value}`} className="inspector-column">
              <CommitInput
                aria-label={`Value ${i + 1}`}
                value={value}
                disabled={readOnly}
                onCommit={(next) => setValues(enumType.values.map((v, j) => (j === i ? next : v)))}
              />
              {!readOnly && (
                <span className="inspector-column__buttons">
                  <button
                    type="button"
                    aria-label={`Move ${value} up`}
                    disabled={i === 0}
                    onClick={() => setValues(swap(enumType.values, i, i - 1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${value} down`}
                    disabled={i === enumType.values.length - 1}
                    onClick={() => setValues(swap(enumType.values, i, i + 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`Delete ${value}`}
                    onClick={() => setValues(enumType.values.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
        {!readOnly && (
          <div className="inspector-key__row">
            <input
              className="inspector-input"
              aria-label="New value"
              placeholder="new value"
              value={newValue}
              onChange={(event) => setNewValue(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') addValue();
              }}
            />
            <button type="button" onClick={addValue}>
              Add value
            </button>
          </div>
        )}
        <Problems messages={at.field('values')} />
      </Section>
      <Problems messages={at.general} />
      <p className="inspector-hint">
        {usedBy.length > 0 ? `Used by ${usedBy.join(', ')}.` : 'No column uses this enum yet.'}
      </p>
      {!readOnly && (
        <DeleteAction
          label="Delete enum"
          onDelete={() => designStore.getState().deleteEnum(enumId)}
        />
      )}
    </div>
  );
}

function swap(values: string[], a: number, b: number): string[] {
  const next = [...values];
  [next[a], next[b]] = [next[b]!, next[a]!];
  return next;
}
