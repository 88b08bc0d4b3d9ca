/**
 * The library surface that the CLI and the HTTP server are thin shells over. Implemented in
 * this package; both shells import only from `@retort/migrate`'s index.
 */
import type { Catalog, Design, LintFinding, Operation } from '@retort/core';

/** The revision file format Retort writes; it still reads `retort.revision/1`. */
export const REVISION_FORMAT = 'retort.revision/2';

export interface Revision {
  /** The format of the file it was read from. */
  format: typeof REVISION_FORMAT | 'retort.revision/1';
  /** 12 lowercase hex characters, like Alembic's. */
  id: string;
  parent: string | null;
  message: string;
  /** ISO 8601. */
  createdAt: string;
  operations: Operation[];
  /** What was reviewed is what runs. */
  sql: { upgrade: string[]; downgrade: string[] };
  /** The design after this revision (stored in /1 files; rebuilt by replay from /2). */
  schema: Design;
}

export interface DesignState {
  design: Design;
  /** Opaque; changes whenever design.json changes. Saving must carry the version it read. */
  version: string;
}

export interface PreflightFinding {
  /** Index of the operation in the run's operation list. */
  operation: number;
  /**
   * `rows_too_long`, `rows_not_castable`, `null_rows`, `duplicate_rows`, `orphan_rows`,
   * `conflicting_rows` (an exclusion constraint's), `rows_with_removed_value`; data a drop would lose: `values_lost` (a column's non-null
   * values), `rows_lost` (a table's rows).
   */
  code: string;
  rows: number;
  message: string;
  /** A SELECT that lists every breaking row, to find and fix them. */
  query?: string;
  /** The primary key (or every column, without one) of the first few breaking rows. */
  sample?: Record<string, string | null>[];
}

export interface Pending {
  operations: Operation[];
  lint: LintFinding[];
  sql: { upgrade: string[]; downgrade: string[] };
  /** The Alembic revision file this would become. */
  alembic: string;
}

export interface Step {
  revision: string;
  message: string;
  direction: 'upgrade' | 'downgrade';
  statements: string[];
}

/** Something a run drops, with the rows (for a column: non-NULL values) it holds now. */
export interface DataLoss {
  /** Index of the operation in the run's operation list. */
  operation: number;
  kind: 'table' | 'column' | 'enum';
  /** The table (for a table, its own name); null for an enum. */
  table: string | null;
  name: string;
  rows: number;
}

export interface RunResult {
  from: string | null;
  to: string | null;
  steps: Step[];
  preflight: PreflightFinding[];
  /** What the run cannot give back, one sentence each: columns and tables a downgrade re-creates empty. */
  notices: string[];
  dryRun: boolean;
  /** Dry runs only: what the run would drop and the rows lost with it. */
  dataLoss?: DataLoss[];
  /** Dry runs only: the database's own name (`current_database()`), to confirm a drop by. */
  database?: string;
}

export interface Drift {
  /** The revision the database says it is at. */
  revision: string | null;
  /** Every difference, the objects Retort does not model included. */
  differences: string[];
  /** The database's objects Retort does not model: it cannot say whether they drifted. */
  unmodelled: Unmodelled[];
}

/** Something in a database that Retort does not model, and so would not carry over. */
export interface Unmodelled {
  /** `table`, `column`, `index`, `constraint`, `sequence`, `type`, `view`, `function`, ... */
  kind: string;
  /** Qualified: `app_public.invoices`, `public.accounts.id`, `public.accounts_search_idx`. */
  name: string;
  /** Why it is not modelled: `identity column`, `partial index`, `table in schema app_private`. */
  why: string;
}

/** What introspection read: the modelled part as a catalog, and everything else listed. */
export interface Introspection {
  catalog: Catalog;
  unmodelled: Unmodelled[];
}

export interface IntrospectOptions {
  /** The schemas to read; every non-system schema when absent. */
  schemas?: readonly string[];
}

export type DatabaseKind = 'postgres' | 'pglite';

export interface Queryable {
  /** Exactly one statement (the extended protocol): Postgres refuses a text with two. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** Several statements separated by semicolons, no parameters: only for Retort's own fixed SQL and the person's own SQL files, never for text from a design. */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** The URL with its password replaced by `***`, or the PGlite folder. */
  readonly description: string;
  /** One transaction on one connection; rolled back if `fn` throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type { Catalog };

/** A project folder: `design.json` and `revisions/`. */
export interface Project {
  readonly dir: string;
  readDesign(): Promise<DesignState>;
  /** Validates, refuses a stale `expectedVersion` (RetortError `conflict`), writes atomically. */
  saveDesign(input: unknown, expectedVersion: string): Promise<DesignState>;
  /** The chain, base first; RetortError `broken_chain` naming the file when it is not one. */
  revisions(): Promise<Revision[]>;
  /** What the next revision would hold: head snapshot -> current design. */
  pending(): Promise<Pending>;
  /** Writes the next revision; null when the design has no changes since the head. */
  createRevision(message: string): Promise<Revision | null>;
}

export interface RunOptions {
  /** Run everything inside the transaction, report, then roll back. */
  dryRun?: boolean;
  /** Apply even when preflight finds rows the run would break. */
  force?: boolean;
  /**
   * Postgres `lock_timeout` for the run's statements, like `5s` or `500ms`: a statement that
   * waits longer for a busy table fails (and the run rolls back) instead of queueing every
   * other query on that table behind it. The wait for another Retort run is not limited.
   */
  lockTimeout?: string;
}

export interface ImportOptions {
  /** Replace an existing design.json (revisions must still be absent). */
  force?: boolean;
  /** Import the modelled part even when the database holds objects Retort does not model. */
  allowPartial?: boolean;
  /** The schemas to read; every non-system schema when absent. */
  schemas?: readonly string[];
  /** The design's name; defaults to the folder's name. */
  name?: string;
}

export interface ImportResult {
  design: Design;
  revision: Revision;
  /** What was left out (only with `allowPartial`; otherwise import refuses). */
  unmodelled: Unmodelled[];
  /** Lines of the SQL file that were not SQL (psql meta-commands) and were skipped. */
  notes: string[];
}

export interface OpenDatabaseOptions {
  /** A `postgres://` URL: the real server through `pg`. */
  url?: string;
  /** Without a URL: PGlite kept in `<projectDir>/.retort/pglite`. */
  projectDir?: string;
  /** Without a URL: PGlite in memory (tests, `importSql`). */
  memory?: boolean;
}
