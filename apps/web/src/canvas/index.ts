/**
 * The diagram view of a design: the `Canvas` component and its view controls, the pure
 * design -> flow mapping, and where a new table goes.
 */
export {
  Canvas,
  type CanvasControls,
  type CanvasMessageLevel,
  type CanvasProps,
} from './Canvas';
export {
  designToFlow,
  type FlowGraph,
  type ForeignKeyEdgeData,
  type ForeignKeyFlowEdge,
  type TableFlowNode,
  type TableNodeData,
} from './design-to-flow';
export { type FreeSpot, freeSpot, type Rect } from './free-spot';
export { TableNode } from './TableNode';
export {
  COLUMN_ROW_HEIGHT,
  GRID_SIZE,
  TABLE_HEADER_HEIGHT,
  TABLE_WIDTH,
  tableHeight,
} from './table-size';
