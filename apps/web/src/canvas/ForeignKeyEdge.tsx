/**
 * One foreign key on the canvas, drawn as cheaply as its zoom allows: on a large diagram
 * hundreds of edges cross the view, and every pan frame paints them all again.
 *
 * - Full detail: an orthogonal line with rounded corners and an arrow; its ON DELETE label
 *   exists only while the pointer is on the edge or the edge is selected (a label is a
 *   measured SVG text; a thousand hidden ones cost a layout each at first render).
 * - Title bars: the same line and arrow, no label.
 * - Blocks: a straight line without an arrow, and without the wide invisible stroke that
 *   catches the pointer: at that zoom nobody picks one edge out of hundreds.
 */
import {
  BaseEdge,
  type EdgeProps,
  EdgeText,
  getSmoothStepPath,
  getStraightPath,
} from '@xyflow/react';
import { memo, useContext, useState } from 'react';
import type { ForeignKeyFlowEdge } from './design-to-flow';
import { DetailContext } from './level-of-detail';

function ForeignKeyEdgeView({
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  markerEnd,
  label,
  selected,
  interactionWidth,
}: EdgeProps<ForeignKeyFlowEdge>) {
  const detail = useContext(DetailContext);
  const [pointed, setPointed] = useState(false);
  if (detail === 'block') {
    const [path] = getStraightPath({ sourceX, sourceY, targetX, targetY });
    return <BaseEdge path={path} interactionWidth={0} />;
  }
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  const labelled = detail === 'full' && label && (pointed || selected);
  return (
    <>
      <BaseEdge path={path} markerEnd={markerEnd} interactionWidth={0} />
      <path
        d={path}
        fill="none"
        strokeOpacity={0}
        strokeWidth={interactionWidth ?? 20}
        className="react-flow__edge-interaction"
        onPointerEnter={() => setPointed(true)}
        onPointerLeave={() => setPointed(false)}
      />
      {labelled && (
        <EdgeText
          x={labelX}
          y={labelY}
          label={label}
          labelBgPadding={[4, 2]}
          labelBgBorderRadius={3}
          className="fk-edge__label"
        />
      )}
    </>
  );
}

export const ForeignKeyEdge = memo(ForeignKeyEdgeView);
