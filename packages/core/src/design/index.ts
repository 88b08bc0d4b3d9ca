/** The design model: reading design.json, validation, and column types. */
export * from './ids';
export * from './new-column';
export * from './parse';
export * from './type-names';
export * from './types';
export * from './validate';
