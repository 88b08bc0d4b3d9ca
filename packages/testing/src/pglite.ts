/**
 * A fresh in-memory PGlite for a test. `new PGlite()` runs initdb in WebAssembly (seconds
 * each, most of a database test's time); this loads the cluster Retort keeps cached.
 */
export { createMemoryPglite as freshPglite } from '@retort/migrate';
