/** Comparing two designs: the operations from one schema to the other. */
export { adoptDesignCatalog, designCatalog } from './catalogs';
export { diff } from './diff';
export { revisionSnapshot } from './snapshot';
