/**
 * A run: one transaction on one connection. The advisory lock serialises runs, so the
 * version read inside it is the truth; every statement of every step and each
 * `alembic_version` update commit together or not at all.
 */
import {
  type Catalog,
  type Design,
  downgradeLosses,
  type Operation,
  RetortError,
  reverseOperations,
  toCatalog,
} from '@retort/core';
import type {
  Database,
  PreflightFinding,
  Queryable,
  Revision,
  RunOptions,
  RunResult,
  Step,
} from '../contract';
import { DATA_LOST, preflightReport } from '../preflight/preflight';
import { emptyDesignNamed } from '../project/empty-design';
import { estimateLocks, lockBudget, OUT_OF_SHARED_MEMORY, outOfLocksError } from './lock-budget';
import { SESSION_SETTINGS } from './session-settings';
import { resolveTarget } from './targets';
import { CREATE_VERSION_TABLE, currentRevision, moveVersion } from './version-table';

/** `pg_advisory_xact_lock` key shared by every Retort run (ASCII "retort" as an integer). */
export const RUN_LOCK_KEY = '125779835842676';

export function upgrade(
  db: Database,
  revisions: readonly Revision[],
  target: string,
  options: RunOptions = {},
): Promise<RunResult> {
  return run(db, revisions, target, 'upgrade', options);
}

export function downgrade(
  db: Database,
  revisions: readonly Revision[],
  target: string,
  options: RunOptions = {},
): Promise<RunResult> {
  return run(db, revisions, target, 'downgrade', options);
}

interface PlannedStep {
  revision: Revision;
  step: Step;
  operations: Operation[];
  /** The designs around the step, built only when a run overflows the lock table. */
  before: () => Design;
  after: () => Design;
  /** The version row before and after this step. */
  from: string | null;
  to: string | null;
}

class DryRunDone {
  constructor(readonly result: RunResult) {}
}

/** A statement overflowed the lock table; reported once the transaction has rolled back. */
class OutOfLocks {
  constructor(readonly at: { revision: string; statement: string }) {}
}

const sqlstate = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

async function run(
  db: Database,
  revisions: readonly Revision[],
  target: string,
  direction: 'upgrade' | 'downgrade',
  options: RunOptions,
): Promise<RunResult> {
  const dryRun = options.dryRun ?? false;
  const lockTimeout = checkLockTimeout(options.lockTimeout);
  let steps: PlannedStep[] = [];
  try {
    return await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${RUN_LOCK_KEY})`);
      for (const setting of SESSION_SETTINGS) await tx.query(setting);
      // Set after the advisory lock, so waiting for another Retort run is not cut short.
      if (lockTimeout) await tx.exec(`SET LOCAL lock_timeout = '${lockTimeout}'`);
      await tx.exec(CREATE_VERSION_TABLE);
      const current = await currentRevision(tx);
      if (current !== null && !revisions.some((r) => r.id === current)) {
        throw new RetortError(
          `The database is at revision ${current}, which is not in this project's chain; Retort will not guess how to move it.`,
          'refused',
          { revision: current },
        );
      }
      const to = resolveTarget(revisions, current, target);
      steps = plan(revisions, current, to, direction);
      const result: RunResult = {
        from: current,
        to,
        steps: [],
        preflight: [],
        notices: [],
        dryRun,
      };
      if (dryRun) {
        const { rows } = await tx.query<{ name: string }>('SELECT current_database() AS name');
        result.database = rows[0]?.name ?? '';
        result.dataLoss = [];
      }
      let offset = 0;
      let stopped = false;
      for (const planned of steps) {
        result.steps.push(planned.step);
        if (direction === 'downgrade') {
          result.notices.push(...downgradeLosses(planned.revision.id, planned.revision.operations));
        }
        if (stopped) continue;
        const report = await preflightReport(tx, planned.operations);
        const findings = report.findings.map(
          (f): PreflightFinding => ({ ...f, operation: f.operation + offset }),
        );
        // The same counts say what a dry run would drop.
        result.dataLoss?.push(
          ...report.dataLoss.map((loss) => ({ ...loss, operation: loss.operation + offset })),
        );
        offset += planned.operations.length;
        result.preflight.push(...findings);
        if (findings.length > 0 && !options.force) {
          if (dryRun) {
            // Later steps' preflight depends on this one having run; report what is known.
            // A drop that deletes data still runs, so later steps are previewed too.
            if (findings.some((f) => !DATA_LOST.has(f.code))) {
              stopped = true;
              continue;
            }
          } else {
            throw refusedByPreflight(planned.revision, result.preflight);
          }
        }
        await runStatements(tx, planned);
        await moveVersion(tx, planned.from, planned.to);
      }
      if (dryRun) throw new DryRunDone(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    if (error instanceof OutOfLocks || sqlstate(error) === OUT_OF_SHARED_MEMORY) {
      const needed = estimateLocks(
        steps.map((s) => ({
          operations: s.operations,
          before: catalogOf(s.before()),
          after: catalogOf(s.after()),
        })),
      );
      throw outOfLocksError(
        await lockBudget(db),
        needed,
        error instanceof OutOfLocks ? error.at : null,
      );
    }
    throw error;
  }
}

const catalogs = new WeakMap<Design, Catalog>();
function catalogOf(design: Design): Catalog {
  let catalog = catalogs.get(design);
  if (!catalog) {
    catalog = toCatalog(design);
    catalogs.set(design, catalog);
  }
  return catalog;
}

function plan(
  revisions: readonly Revision[],
  current: string | null,
  to: string | null,
  direction: 'upgrade' | 'downgrade',
): PlannedStep[] {
  const index = (id: string | null) => (id === null ? -1 : revisions.findIndex((r) => r.id === id));
  const from = index(current);
  const goal = index(to);
  const schemaAt = (i: number) => () =>
    i < 0 ? emptyDesignNamed(revisions[0]?.schema.name ?? 'empty') : revisions[i]!.schema;
  if (direction === 'upgrade') {
    if (goal < from) {
      throw new RetortError(
        `${to ?? 'base'} is below the current revision ${current}: use downgrade to go back.`,
        'invalid_input',
      );
    }
    return revisions.slice(from + 1, goal + 1).map((revision, k) => {
      const i = from + 1 + k;
      return {
        revision,
        step: {
          revision: revision.id,
          message: revision.message,
          direction,
          statements: revision.sql.upgrade,
        },
        operations: revision.operations,
        before: schemaAt(i - 1),
        after: schemaAt(i),
        from: i === 0 ? null : revisions[i - 1]!.id,
        to: revision.id,
      };
    });
  }
  if (goal > from) {
    throw new RetortError(
      `${to} is above the current revision ${current ?? 'base'}: use upgrade to go forward.`,
      'invalid_input',
    );
  }
  const steps: PlannedStep[] = [];
  for (let i = from; i > goal; i--) {
    const revision = revisions[i]!;
    steps.push({
      revision,
      step: {
        revision: revision.id,
        message: revision.message,
        direction,
        statements: revision.sql.downgrade,
      },
      operations: reverseOperations(revision.operations),
      before: schemaAt(i),
      after: schemaAt(i - 1),
      from: revision.id,
      to: i === 0 ? null : revisions[i - 1]!.id,
    });
  }
  return steps;
}

const LOCK_TIMEOUT = /^(\d+)(ms|s|min)$/;
const UNIT_MS = { ms: 1, s: 1000, min: 60_000 } as const;
/** lock_timeout is an int of milliseconds in Postgres. */
const MAX_LOCK_TIMEOUT_MS = 2_147_483_647;

/** The validated `lockTimeout`, checked before anything touches the database. */
export function checkLockTimeout(value: string | undefined): string | null {
  if (value === undefined) return null;
  const match = LOCK_TIMEOUT.exec(value);
  if (!match) {
    throw new RetortError(
      `The lock timeout ${JSON.stringify(value)} is not a duration like 500ms, 5s or 1min.`,
      'invalid_input',
    );
  }
  const milliseconds = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (!(milliseconds <= MAX_LOCK_TIMEOUT_MS)) {
    throw new RetortError(
      `The lock timeout ${JSON.stringify(value)} is longer than Postgres allows (at most ${MAX_LOCK_TIMEOUT_MS}ms, about 24 days).`,
      'invalid_input',
    );
  }
  return value;
}

/** Postgres' SQLSTATE for a lock wait cut short by `lock_timeout`. */
const LOCK_NOT_AVAILABLE = '55P03';

async function runStatements(tx: Queryable, planned: PlannedStep): Promise<void> {
  for (const statement of planned.step.statements) {
    try {
      // One statement per call: what was reviewed as one statement runs as one.
      await tx.query(statement);
    } catch (error) {
      const postgresMessage = error instanceof Error ? error.message : String(error);
      const { id, message } = planned.revision;
      if (sqlstate(error) === OUT_OF_SHARED_MEMORY)
        throw new OutOfLocks({ revision: id, statement });
      if (sqlstate(error) === LOCK_NOT_AVAILABLE) {
        throw new RetortError(
          `Revision ${id} (${message}) could not lock a table within the lock timeout at: ${statement}: another session holds it. Nothing was changed; try again when it is quieter, or raise the lock timeout.`,
          'migration_failed',
          { revision: id, statement, postgresMessage },
        );
      }
      throw new RetortError(
        `Revision ${id} (${message}) failed at: ${statement}: ${postgresMessage}. Nothing was changed.`,
        'migration_failed',
        { revision: id, statement, postgresMessage },
      );
    }
  }
}

function refusedByPreflight(revision: Revision, findings: PreflightFinding[]): RetortError {
  const listed = findings.map((f) => f.message.replace(/\.$/, '')).join('; ');
  const onlyLoss = findings.every((f) => DATA_LOST.has(f.code));
  return new RetortError(
    onlyLoss
      ? `Revision ${revision.id} (${revision.message}) would delete data held in existing rows: ${listed}. Nothing was changed; copy the data elsewhere first, or apply with force to delete it.`
      : `Revision ${revision.id} (${revision.message}) would break existing rows: ${listed}. Nothing was changed; fix the rows, or apply with force to try anyway.`,
    'refused',
    { revision: revision.id, preflight: findings },
  );
}
