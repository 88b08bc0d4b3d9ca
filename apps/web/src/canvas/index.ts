/** The diagram view of a design: the `Canvas` component and the pure design -> flow mapping. */
export { Canvas, type CanvasMessageLevel, type CanvasProps } from './Canvas';
export {
  designToFlow,
  type FlowGraph,
  type ForeignKeyEdgeData,
  type ForeignKeyFlowEdge,
  type TableFlowNode,
  type TableNodeData,
} from './design-to-flow';
export { TableNode } from './TableNode';
export {
  COLUMN_ROW_HEIGHT,
  GRID_SIZE,
  TABLE_HEADER_HEIGHT,
  TABLE_WIDTH,
  tableHeight,
} from './table-size';
