/**
 * The shapes of the HTTP API's answers (see apps/server/API.md). The wire types the server
 * sends straight from the library are `@retort/migrate`'s own; `import type` is erased by
 * the bundler, so the browser build never pulls in a database driver.
 */
import type { Design } from '@retort/core';
import type {
  DatabaseKind,
  Pending,
  PreflightFinding,
  Revision,
  Unmodelled,
} from '@retort/migrate';

export type { ModelFormat } from '@retort/codegen';
export type {
  DatabaseKind,
  DataLoss,
  DesignState as DesignDocument,
  PreflightFinding,
  RunOptions,
  RunResult,
  Step,
} from '@retort/migrate';

export interface ProjectInfo {
  name: string;
  database: { kind: DatabaseKind; description: string };
  current: string | null;
  head: string | null;
  drift: { differences: string[] } | null;
}

export type ImportFormat = 'sql' | 'dbml';

/** `POST /api/import`: the design the text describes and everything it leaves out. */
export interface ImportedSchema {
  design: Design;
  unmodelled: Unmodelled[];
  /** SQL only: the psql meta-commands and COPY data that were skipped. */
  notes: string[];
}

export interface Problem {
  path: string;
  message: string;
}

/** `Pending`, with preflight counted against the live database when it is at the head. */
export interface PendingChanges extends Pending {
  preflight: PreflightFinding[];
}

export interface RevisionSummary {
  id: string;
  parent: string | null;
  message: string;
  createdAt: string;
  operations: number;
  applied: boolean;
  current: boolean;
}

export interface RevisionList {
  revisions: RevisionSummary[];
  current: string | null;
  head: string | null;
}

export interface RevisionDetail {
  revision: Revision;
  alembic: string;
}
