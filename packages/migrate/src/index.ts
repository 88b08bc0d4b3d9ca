/**
 * `@retort/migrate`: everything that touches files or a database. The CLI and the HTTP
 * server are thin shells over these functions.
 *
 * - drivers: `openDatabase` (pg with a URL, else PGlite in the project or in memory)
 * - project: `openProject` (design.json, revisions/ and their chain)
 * - runner: `upgrade`, `downgrade`, `currentRevision`, `resolveTarget`
 * - preflight: rows an operation would break, counted before anything runs
 * - introspect: pg_catalog back into a Catalog, and a Design from a Catalog
 * - drift and import: live database vs snapshot; design.json from an existing schema
 *
 * A revision's stored SQL is what runs, and it must be the rendering of its operations:
 * hand-edited SQL is reported as a broken chain. Hand-written SQL belongs in an `execute`
 * operation, which carries its own downgrade. A dry run executes the statements inside the
 * run's transaction (so each step's preflight sees the previous steps) and rolls back.
 */
export * from './contract';
export { checkDrift, describeUnmodelled } from './drift/check-drift';
export { createMemoryPglite } from './drivers/fresh-cluster';
export { openDatabase } from './drivers/open-database';
export { createPgliteWorker, type PgliteWorker } from './drivers/pglite-worker';
export { redactUrl } from './drivers/redact-url';
export {
  designFromSql,
  importDatabase,
  importSql,
  readSqlDesign,
  type SqlDesign,
  type SqlImportOptions,
} from './import/import-database';
export { type DbmlDesign, MAX_DBML_LENGTH, readDbmlDesign } from './import/read-dbml';
export { designFromCatalog } from './introspect/design-from-catalog';
export { introspect, introspectDatabase } from './introspect/introspect';
export { preflight } from './preflight/preflight';
export { verifyChain } from './project/chain';
export {
  emptyDesign,
  openProject,
  type ProjectStore,
  type WrittenRevision,
} from './project/project';
export { parseRevisionId } from './project/revision-file';
export { estimateLocks, lockBudget } from './runner/lock-budget';
export { checkLockTimeout, downgrade, upgrade } from './runner/run';
export { resolveTarget } from './runner/targets';
export { currentRevision } from './runner/version-table';
