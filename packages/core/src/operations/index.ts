/** Operations: what a migration does, their exact reverses, applying them to a catalog, casts. */
export { applyOperations, CatalogState } from './apply';
export { needsUsing, usingExpression } from './casts';
export { downgradeLosses, NOT_RESTORED } from './data-loss';
export { detectEnumRenames, type EnumChange, enumChange } from './enum-change';
export { unhandledOperation } from './exhaustive';
export { renameColumnsInExpression } from './expression-rename';
export { LiveNames } from './live-names';
export { reverseOperation, reverseOperations } from './reverse';
export { isStandaloneObjectOperation, type StandaloneObjectOperation } from './standalone-objects';
export * from './types';
