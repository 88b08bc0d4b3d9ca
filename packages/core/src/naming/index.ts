/** Identifier rules, Postgres' default names for constraints and indexes, and Alembic's revision slug. */
export * from './alembic-slug';
export * from './postgres-names';
export * from './qualified-names';
export * from './schema-names';
