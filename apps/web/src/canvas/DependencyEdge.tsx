/**
 * A view reading a table or another view: a dashed curve in the views' colour with an open
 * arrow at what is read, so it never passes for a foreign key (solid, orthogonal, closed
 * arrow). Zoomed out to blocks it is a plain straight line, as foreign keys are.
 */
import { BaseEdge, type EdgeProps, getBezierPath, getStraightPath } from '@xyflow/react';
import { memo, useContext } from 'react';
import type { DependencyFlowEdge } from './design-to-flow';
import { DetailContext } from './level-of-detail';

function DependencyEdgeView({
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  markerEnd,
}: EdgeProps<DependencyFlowEdge>) {
  const detail = useContext(DetailContext);
  if (detail === 'block') {
    const [path] = getStraightPath({ sourceX, sourceY, targetX, targetY });
    return <BaseEdge path={path} interactionWidth={0} />;
  }
  const [path] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  return <BaseEdge path={path} markerEnd={markerEnd} interactionWidth={0} />;
}

export const DependencyEdge = memo(DependencyEdgeView);
