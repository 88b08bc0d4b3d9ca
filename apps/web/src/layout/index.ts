/** Placing tables on the canvas: elkjs auto-layout, on demand or for unplaced tables. */
export { autoLayout, layoutMissingPositions } from './auto-layout';
