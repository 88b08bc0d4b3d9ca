/** Identifier rules and Postgres' default names for constraints and indexes. */
export * from './postgres-names';
export * from './schema-names';
