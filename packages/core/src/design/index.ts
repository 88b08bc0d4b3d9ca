/** The design model: reading design.json, validation, column types, and the editor's edits. */
export * from './canvas-data';
export * from './defaults';
export * from './edits';
export * from './ids';
export * from './new-column';
export * from './other-types';
export * from './parse';
export * from './partition-key';
export * from './references';
export * from './type-names';
export * from './types';
export * from './validate';
