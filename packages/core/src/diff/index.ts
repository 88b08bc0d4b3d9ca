/** Comparing two designs: the operations from one schema to the other. */
export { diff } from './diff';
export { revisionSnapshot } from './snapshot';
