/**
 * A view or materialized view on the canvas: its name and schema and a badge of its kind, on
 * a card narrower than a table's and drawn in the views' own colour, so it never reads as a
 * table. Edges to what it reads leave from its sides (see `design-to-flow.ts`); it is not a
 * place to draw a foreign key from, so its handles are not connectable.
 */
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useContext } from 'react';
import { DEPENDENCY_IN, DEPENDENCY_OUT, type ViewFlowNode } from './design-to-flow';
import { DetailContext } from './level-of-detail';

const KIND_BADGE = { view: 'VIEW', materialized_view: 'MAT VIEW' } as const;

function ViewNodeView({ data, selected }: NodeProps<ViewFlowNode>) {
  const detail = useContext(DetailContext);
  const { view, problems } = data;
  const materialized = view.kind === 'materialized_view';
  const className = [
    'view-node',
    materialized ? 'view-node--materialized' : '',
    `view-node--${detail}`,
    selected ? 'view-node--selected' : '',
    problems.length > 0 ? 'view-node--problem' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const badge = KIND_BADGE[view.kind as keyof typeof KIND_BADGE] ?? view.kind;
  return (
    <div
      className={className}
      data-testid="view-node"
      data-view-name={view.name}
      data-view-id={view.id}
      data-kind={view.kind}
      title={problems.join('\n') || view.comment || undefined}
    >
      {detail !== 'block' && (
        <>
          <span className="view-node__badge">{badge}</span>
          <span className="view-node__name">
            <span className="view-node__schema">{view.schema}.</span>
            {view.name}
          </span>
          {detail === 'full' && (
            <span className="view-node__reads">
              reads {view.dependsOn.length} {view.dependsOn.length === 1 ? 'relation' : 'relations'}
              {problems.length > 0 && (
                <span className="view-node__problem" role="img" aria-label={problems.join('\n')}>
                  {' '}
                  · {problems.length} problem{problems.length === 1 ? '' : 's'}
                </span>
              )}
            </span>
          )}
        </>
      )}
      {detail === 'full' && (
        <>
          {(['left', 'right'] as const).map((side) => (
            <Handle
              key={`out-${side}`}
              type="source"
              id={`${DEPENDENCY_OUT}-${side}`}
              position={side === 'left' ? Position.Left : Position.Right}
              isConnectable={false}
              className="view-handle"
            />
          ))}
          {data.read &&
            (['left', 'right'] as const).map((side) => (
              <Handle
                key={`in-${side}`}
                type="target"
                id={`${DEPENDENCY_IN}-${side}`}
                position={side === 'left' ? Position.Left : Position.Right}
                isConnectable={false}
                className="view-handle"
              />
            ))}
        </>
      )}
    </div>
  );
}

export const ViewNode = memo(ViewNodeView);
