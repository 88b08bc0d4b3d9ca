/**
 * A table's triggers, policies and row-level security in its inspector, and the views that
 * read it: each a link to the object, with a way to write a new trigger or policy for it and
 * switches for row-level security (enabled, forced for the owner).
 */
import { type Design, OBJECT_KIND_WORDS, tableObjects } from '@retort/core';
import { objectEditorStore } from '../objects/editor-store';
import { selectObject } from '../objects/ObjectsPanel';
import { templateSql } from '../objects/object-sql';
import { designStore } from '../store/design-store';
import { Section, Toggle } from './fields';

export function TableObjects(props: { design: Design; tableId: string; readOnly: boolean }) {
  const { design, tableId, readOnly } = props;
  const own = tableObjects(design, tableId);
  const triggers = own.filter((o) => o.kind === 'trigger' || o.kind === 'rule');
  const policies = own.filter((o) => o.kind === 'policy');
  const enabled = own.some((o) => o.kind === 'row_security');
  const forced = own.some((o) => o.kind === 'force_row_security');
  const readers = (design.objects ?? []).filter(
    (o) => o.table === null && o.dependsOn.includes(tableId),
  );
  const create = (kind: 'trigger' | 'policy') =>
    objectEditorStore.getState().create(templateSql(design, kind, tableId));
  const list = (items: typeof own, label: string) =>
    items.length === 0 ? (
      <p className="inspector-hint">No {label}.</p>
    ) : (
      <ul className="inspector-columns" aria-label={label}>
        {items.map((o) => (
          <li key={o.id} className="inspector-column">
            <button
              type="button"
              className="link-button inspector-column__name"
              onClick={() => selectObject(o.id, o.kind)}
            >
              {o.name}
            </button>
            <code className="inspector-column__type">{OBJECT_KIND_WORDS[o.kind]}</code>
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <Section
        title="Triggers and rules"
        action={!readOnly && { label: 'Add trigger', onClick: () => create('trigger') }}
      >
        {list(triggers, 'triggers or rules')}
      </Section>
      <Section
        title="Row-level security"
        action={!readOnly && { label: 'Add policy', onClick: () => create('policy') }}
      >
        <Toggle
          label="Row-level security"
          checked={enabled}
          disabled={readOnly}
          onChange={(on) =>
            designStore.getState().setRowSecurity(tableId, { enabled: on, forced: on && forced })
          }
        />
        <Toggle
          label="Forced for the owner"
          checked={forced}
          disabled={readOnly}
          onChange={(on) => designStore.getState().setRowSecurity(tableId, { enabled, forced: on })}
        />
        <p className="inspector-hint" data-testid="row-security">
          {enabled
            ? forced
              ? 'Enabled and forced: policies apply to the table owner too.'
              : 'Enabled: policies apply to everyone but the table owner.'
            : 'Off: every role with a privilege on the table sees every row.'}
        </p>
        {list(policies, 'policies')}
      </Section>
      {readers.length > 0 && <Section title="Read by">{list(readers, 'views')}</Section>}
    </>
  );
}
