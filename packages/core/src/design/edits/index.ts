/** The editor's design model: pure edits `(design, ...) -> design`, new ids, type spelling, drawn foreign keys. */
export * from './canvas-edits';
export * from './edits';
export * from './foreign-key-check';
export * from './import-design';
export * from './new-id';
export * from './object-edits';
export * from './paste-tables';
export * from './sequence-edits';
export * from './type-spelling';
