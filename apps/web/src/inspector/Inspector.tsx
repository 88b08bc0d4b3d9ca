/**
 * The inspector: a form for whatever is selected on the canvas (table, column, foreign key,
 * view), in the Objects tab or in the enum list, shown when nothing is selected. Every field commits on blur or
 * Enter, and validation problems appear beside the field they concern.
 */
import { AreaInspector, NoteInspector } from './CanvasItemInspector';
import '../styles/inspector.css';
import type { Design } from '@retort/core';
import { Fragment, type ReactNode } from 'react';
import { type DesignProblem, useDesignProblems } from '../store/design-problems';
import { designStore, useDesignStore } from '../store/design-store';
import { ColumnInspector } from './ColumnInspector';
import { EnumInspector } from './EnumInspector';
import { ForeignKeyInspector } from './ForeignKeyInspector';
import { Problems, Section } from './fields';
import { ObjectInspector } from './ObjectInspector';
import { TableInspector } from './TableInspector';

export interface InspectorProps {
  className?: string;
}

export function Inspector({ className }: InspectorProps) {
  const design = useDesignStore((s) => s.design);
  const selection = useDesignStore((s) => s.selection);
  const readOnly = useDesignStore((s) => s.readOnly);
  const problems = useDesignProblems(design);

  let body: ReactNode = null;
  if (design && selection) {
    const drawing = { design, readOnly };
    const schema = { ...drawing, problems };
    switch (selection.kind) {
      case 'table':
        body = <TableInspector {...schema} tableId={selection.id} />;
        break;
      case 'column':
        body = <ColumnInspector {...schema} tableId={selection.tableId} columnId={selection.id} />;
        break;
      case 'foreignKey':
        body = (
          <ForeignKeyInspector
            {...schema}
            tableId={selection.tableId}
            foreignKeyId={selection.id}
          />
        );
        break;
      case 'tables':
        body = (
          <p className="empty-note" data-testid="selected-tables">
            {selection.ids.length} tables selected. Drag one to move them all; Delete removes them,
            Ctrl+D duplicates them, Ctrl+C copies them.
          </p>
        );
        break;
      case 'note':
        body = <NoteInspector {...drawing} noteId={selection.id} />;
        break;
      case 'area':
        body = <AreaInspector {...drawing} areaId={selection.id} />;
        break;
      case 'object':
        body = <ObjectInspector {...schema} objectId={selection.id} />;
        break;
      case 'enum':
        body = <EnumInspector {...schema} enumId={selection.id} />;
        break;
    }
    // A new selection of the same kind is a new form, not the last one's drafts.
    body = <Fragment key={'id' in selection ? selection.id : 'tables'}>{body}</Fragment>;
  }
  return (
    <aside
      className={['inspector', className ?? ''].filter(Boolean).join(' ')}
      aria-label="Inspector"
    >
      {body ??
        (design ? (
          <DesignOverview design={design} problems={problems} readOnly={readOnly} />
        ) : null)}
    </aside>
  );
}

/** What the inspector shows with nothing selected: the enums, and problems not on a table. */
function DesignOverview(props: {
  design: Design;
  problems: readonly DesignProblem[];
  readOnly: boolean;
}) {
  const { design, problems, readOnly } = props;
  const loose = problems.filter(
    (p) => !p.path.startsWith('tables[') && !p.path.startsWith('enums['),
  );
  const problemTables = new Set(
    problems.map((p) => /^tables\[(\d+)\]/.exec(p.path)?.[1]).filter((i) => i !== undefined),
  );
  return (
    <div className="inspector-body" data-testid="design-inspector">
      <p className="inspector-hint">
        Select a table, column or foreign key to edit it. Double-click the canvas to add a table;
        drag from the dot at a column's right onto another column (or a table's header, for its
        primary key) to add a foreign key.
      </p>
      <Problems messages={loose.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message))} />
      {problemTables.size > 0 && (
        <Section title="Tables with problems">
          <ul className="inspector-columns">
            {[...problemTables].map((i) => {
              const table = design.tables[Number(i)];
              if (!table) return null;
              return (
                <li key={table.id} className="inspector-column field--problem">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => designStore.getState().select({ kind: 'table', id: table.id })}
                  >
                    {table.name}
                  </button>
                </li>
              );
            })}
          </ul>
        </Section>
      )}
      <Section
        title="Enums"
        action={!readOnly && { label: 'Add enum', onClick: () => designStore.getState().addEnum() }}
      >
        {design.enums.length === 0 && <p className="inspector-hint">No enums.</p>}
        <ul className="inspector-columns">
          {design.enums.map((e) => (
            <li key={e.id} className="inspector-column">
              <button
                type="button"
                className="link-button inspector-column__name"
                onClick={() => designStore.getState().select({ kind: 'enum', id: e.id })}
              >
                {e.name}
              </button>
              <code className="inspector-column__type">{e.values.join(', ')}</code>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
