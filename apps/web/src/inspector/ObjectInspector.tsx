/**
 * A view, function, trigger, policy or row-level security setting: its kind, name and table,
 * its definition as Postgres prints it, what it depends on and what needs it (each a link),
 * its comment, and the ways to change it: "Edit SQL" (the SQL editor, checked before it is
 * saved) and delete, refused with why while another object needs it.
 */
import { type Design, OBJECT_KIND_WORDS, objectDependents } from '@retort/core';
import { lazy, Suspense, useState } from 'react';
import { objectEditorStore } from '../objects/editor-store';
import { selectObject } from '../objects/ObjectsPanel';
import { objectLabel } from '../objects/object-list';
import type { DesignProblem } from '../store/design-problems';
import { designStore } from '../store/design-store';
import { viewStore } from '../store/view-store';
import { CommentField, DeleteAction, Problems, Section } from './fields';

const CodeView = lazy(async () => ({ default: (await import('../panels/CodeView')).CodeView }));

export function ObjectInspector(props: {
  design: Design;
  objectId: string;
  problems: readonly DesignProblem[];
  readOnly: boolean;
}) {
  const { design, objectId, problems, readOnly } = props;
  const [refusal, setRefusal] = useState<string | null>(null);
  const index = design.objects?.findIndex((o) => o.id === objectId) ?? -1;
  const object = design.objects?.[index];
  if (!object) return null;
  const base = `objects[${index}]`;
  const messages = problems
    .filter((p) => p.path === base || p.path.startsWith(`${base}.`))
    .map((p) => p.message);
  const link = (id: string) => {
    const table = design.tables.find((t) => t.id === id);
    if (table) {
      return (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            designStore.getState().select({ kind: 'table', id });
            viewStore.getState().revealItem(id);
          }}
        >
          table {table.name}
        </button>
      );
    }
    const other = design.objects?.find((o) => o.id === id);
    if (!other) return <code>{id}</code>;
    return (
      <button
        type="button"
        className="link-button"
        onClick={() => selectObject(other.id, other.kind)}
      >
        {OBJECT_KIND_WORDS[other.kind]} {objectLabel(design, other)}
      </button>
    );
  };
  const neededBy = objectDependents(design, objectId);
  return (
    <div className="inspector-body" data-testid="object-inspector">
      <p className="object-inspector__title">
        <span className="object-inspector__kind">{OBJECT_KIND_WORDS[object.kind]}</span>{' '}
        <strong data-testid="object-name">
          {object.schema === '' ? '' : `${object.schema}.`}
          {objectLabel(design, object)}
        </strong>
      </p>
      <Problems messages={messages} />
      <CommentField
        value={object.comment}
        disabled={readOnly}
        onCommit={(comment) =>
          designStore
            .getState()
            .putObject({ ...object, comment: comment.trim() === '' ? null : comment })
        }
      />
      <Section
        title="Definition"
        action={
          !readOnly && {
            label: 'Edit SQL',
            onClick: () => objectEditorStore.getState().edit(object.id),
          }
        }
      >
        <Suspense
          fallback={<pre className="object-inspector__definition">{object.definition}</pre>}
        >
          <CodeView
            code={object.definition.trim()}
            language="sql"
            label="Definition"
            maxHeight="320px"
          />
        </Suspense>
      </Section>
      <Section title="Depends on">
        {object.dependsOn.length === 0 ? (
          <p className="inspector-hint">Nothing in the design.</p>
        ) : (
          <ul className="inspector-columns" aria-label="Depends on">
            {object.dependsOn.map((id) => (
              <li key={id} className="inspector-column">
                {link(id)}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {neededBy.length > 0 && (
        <Section title="Needed by">
          <ul className="inspector-columns" aria-label="Needed by">
            {neededBy.map((o) => (
              <li key={o.id} className="inspector-column">
                {link(o.id)}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {refusal && <Problems messages={[refusal]} />}
      {!readOnly && (
        <DeleteAction
          label={`Delete ${OBJECT_KIND_WORDS[object.kind]}`}
          onDelete={() => setRefusal(designStore.getState().deleteObject(object.id))}
        />
      )}
    </div>
  );
}
