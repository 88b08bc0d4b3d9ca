/** The shapes of the HTTP API's answers (see apps/server/API.md). */
import type { Design, LintFinding, Operation } from '@retort/core';

export type DatabaseKind = 'pglite' | 'postgres';
export type ModelFormat = 'sqlalchemy' | 'sqlalchemy2' | 'sql' | 'drizzle' | 'typeorm' | 'kysely';

export interface ProjectInfo {
  name: string;
  database: { kind: DatabaseKind; description: string };
  current: string | null;
  head: string | null;
  drift: { differences: string[] } | null;
}

export interface DesignDocument {
  design: Design;
  version: string;
}

export interface Problem {
  path: string;
  message: string;
}

export interface PreflightFinding {
  operation: number;
  code: string;
  rows: number;
  message: string;
}

export interface PendingChanges {
  operations: Operation[];
  lint: LintFinding[];
  preflight: PreflightFinding[];
  sql: { upgrade: string[]; downgrade: string[] };
  alembic: string;
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
  revision: {
    id: string;
    parent: string | null;
    message: string;
    createdAt: string;
    operations: Operation[];
    sql: { upgrade: string[]; downgrade: string[] };
    schema: Design;
  };
  alembic: string;
}

export interface Step {
  revision: string;
  message: string;
  direction: 'upgrade' | 'downgrade';
  statements: string[];
}

export interface RunResult {
  from: string | null;
  to: string | null;
  steps: Step[];
  preflight: PreflightFinding[];
  dryRun: boolean;
}

export interface RunOptions {
  dryRun?: boolean;
  force?: boolean;
}
