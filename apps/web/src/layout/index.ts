/** Placing tables on the canvas: elkjs auto-layout, on demand or for unplaced tables. */
export { autoLayout, hasMissingPositions, layoutMissingPositions } from './auto-layout';
export { placeViews } from './place-views';
