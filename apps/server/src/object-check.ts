/**
 * Checking an object's SQL before the design keeps it: the design is built in a scratch
 * Postgres, never the project's database: an in-memory PGlite kept for the server's life, or,
 * when the project is on a Postgres server, a scratch database made on that server for the
 * server's life (so definitions come back as that server's version prints them; a PGlite
 * again when the project's role may not create a database),
 * the one statement runs after it, the objects that depend on the one being replaced are
 * created again on top, and what the statement made is read back by introspection, so its
 * definition is what Postgres prints and its dependencies are pg_depend's. All of it runs
 * inside a transaction that is rolled back: the scratch database is empty between checks,
 * which run one at a time.
 */

import { randomBytes } from 'node:crypto';
import { renderOperationSql } from '@retort/codegen';
import {
  type CatalogObject,
  catalogObjects,
  createObjectSql,
  creationOrder,
  type Design,
  describeObject,
  diff,
  objectKey,
  RetortError,
  validateDesign,
} from '@retort/core';
import {
  createPgliteWorker,
  type Database,
  introspectDatabase,
  openDatabase,
  type Queryable,
  redactUrl,
} from '@retort/migrate';
import { lineAndColumn, objectStatement } from './object-statement';

/** A scratch Postgres that runs `fn` in a transaction it always rolls back. */
interface Scratch {
  rollback(fn: (db: Queryable) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

const ROLLBACK = Symbol('rollback');

/**
 * How long one statement of a check may run, and wait for a lock, before Postgres stops it:
 * a definition is checked by running it (a materialized view runs its query), so without a
 * bound one check could hold the server's one scratch database, and every check after it.
 */
export const CHECK_STATEMENT_TIMEOUT_MS = 5_000;
export const CHECK_LOCK_TIMEOUT_MS = 2_000;

async function rolledBack(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
}

/**
 * An in-memory PGlite in a worker thread (`createPgliteWorker`): PGlite ignores
 * `statement_timeout`, so a statement that runs too long ends the worker instead, and the
 * next check starts a new one.
 */
async function pgliteScratch(): Promise<Scratch> {
  const pg = createPgliteWorker(CHECK_STATEMENT_TIMEOUT_MS);
  return {
    async rollback(fn) {
      await pg.exec('BEGIN');
      const began = pg.generation;
      try {
        await fn(pg);
      } finally {
        // Nothing to roll back once a timeout has ended that PGlite: the next one is new.
        if (pg.generation === began) await pg.exec('ROLLBACK').catch(() => {});
      }
    },
    close: () => pg.close(),
  };
}

/**
 * A database of its own on the project's server, dropped when the checker closes; when the
 * project's role may not create databases, an in-memory PGlite instead (see pgliteScratch).
 */
async function serverScratch(url: string): Promise<Scratch> {
  const name = `retort_check_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url });
  try {
    await admin.exec(`CREATE DATABASE "${name}"`);
  } catch (error) {
    await admin.close();
    // insufficient_privilege: the role lacks CREATEDB. A PGlite still checks the definition,
    // printed by PGlite's Postgres rather than the server's.
    if ((error as { code?: unknown }).code === '42501') return pgliteScratch();
    throw new RetortError(
      `Cannot create a scratch database on ${redactUrl(url)} to check objects on: ${messageOf(error)}.`,
      'refused',
    );
  }
  const address = new URL(url);
  address.pathname = `/${name}`;
  let db: Database;
  try {
    db = await openDatabase({ url: address.toString() });
  } catch (error) {
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.close();
    throw error;
  }
  return {
    rollback: (fn) =>
      rolledBack(() =>
        db.transaction(async (tx) => {
          await fn(tx);
          throw ROLLBACK;
        }),
      ),
    async close() {
      await db.close().catch(() => {});
      await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await admin.close();
    },
  };
}

export interface ObjectCheck {
  /** What the statement created, as Postgres prints it (usually one object). */
  objects: CatalogObject[];
}

export interface ObjectChecker {
  check(design: unknown, sql: string, replaces?: string): Promise<ObjectCheck>;
  close(): Promise<void>;
}

/** Checks on the project's server when `serverUrl` is given, else on an in-memory PGlite. */
export function createObjectChecker(serverUrl?: string): ObjectChecker {
  let scratch: Promise<Scratch> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    check(design, sql, replaces) {
      // Refused before anything runs: the statement, then the design.
      const statement = objectStatement(sql);
      const valid = validDesign(design);
      const turn = queue.then(async () => {
        scratch ??= serverUrl ? serverScratch(serverUrl) : pgliteScratch();
        // A scratch database that could not be made is tried again by the next check.
        const made = await scratch.catch((error: unknown) => {
          scratch = null;
          throw error;
        });
        return checkOn(made, valid, statement.sql, replaces, statement.state);
      });
      queue = turn.catch(() => {});
      return turn;
    },
    async close() {
      const open = scratch;
      scratch = null;
      await queue;
      if (open) await (await open.catch(() => null))?.close();
    },
  };
}

function validDesign(value: unknown): Design {
  const { design, problems } = validateDesign(value);
  if (design === null || problems.length > 0) {
    throw new RetortError(
      `The design has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}; fix ${problems.length === 1 ? 'it' : 'them'} before checking an object against it.`,
      'invalid_design',
      { problems },
    );
  }
  return design;
}

/** The object `id` and every object that needs it, directly or through another. */
function withDependents(design: Design, id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of design.objects ?? []) {
      if (out.has(o.id)) continue;
      if ((o.table !== null && out.has(o.table)) || o.dependsOn.some((d) => out.has(d))) {
        out.add(o.id);
        grew = true;
      }
    }
  }
  return out;
}

async function checkOn(
  scratch: Scratch,
  design: Design,
  sql: string,
  replaces: string | undefined,
  state?: string,
): Promise<ObjectCheck> {
  const gone = replaces === undefined ? new Set<string>() : withDependents(design, replaces);
  const objects = (design.objects ?? []).filter((o) => !gone.has(o.id));
  const base: Design = { ...design, objects };
  const dependents = creationOrder(
    catalogObjects({
      ...design,
      objects: (design.objects ?? []).filter((o) => gone.has(o.id) && o.id !== replaces),
    }) ?? [],
  );
  const empty: Design = { format: design.format, name: design.name, enums: [], tables: [] };
  const ddl = diff(empty, base).flatMap(renderOperationSql);
  let result: ObjectCheck | null = null;
  await scratch.rollback(async (tx) => {
    await tx.exec(
      `SET LOCAL statement_timeout = ${CHECK_STATEMENT_TIMEOUT_MS}; SET LOCAL lock_timeout = ${CHECK_LOCK_TIMEOUT_MS}`,
    );
    for (const statement of ddl) {
      try {
        await tx.exec(statement);
      } catch (error) {
        stoppedByTimeout(error);
        throw new RetortError(
          `The design does not build on the scratch Postgres, so the object cannot be checked against it: ${messageOf(error)}.`,
          'invalid_design',
          { statement, postgresMessage: messageOf(error) },
        );
      }
    }
    const queryable = tx;
    const before = await introspectDatabase(queryable);
    const known = new Set((before.catalog.objects ?? []).map(objectKey));
    const knownUnmodelled = new Set(before.unmodelled.map((u) => `${u.kind} ${u.name}`));
    for (const statement of state === undefined ? [sql] : [sql, state]) {
      try {
        await tx.query(statement);
      } catch (error) {
        throw postgresRefusal(statement, error);
      }
    }
    const created = await introspectDatabase(queryable);
    const made = (created.catalog.objects ?? []).filter((o) => !known.has(objectKey(o)));
    const left = created.unmodelled.filter((u) => !knownUnmodelled.has(`${u.kind} ${u.name}`));
    for (const dependent of dependents) {
      try {
        for (const statement of createObjectSql(dependent)) await tx.exec(statement);
      } catch (error) {
        stoppedByTimeout(error);
        throw new RetortError(
          `${capitalised(describeObject(dependent))} depends on it and no longer builds: ${messageOf(error)}.`,
          'invalid_design',
          { postgresMessage: messageOf(error) },
        );
      }
    }
    if (made.length === 0) {
      throw new RetortError(
        left.length > 0
          ? `Postgres made ${left.map((u) => `${u.kind} ${u.name}`).join(', ')}, which Retort cannot keep: ${left.map((u) => u.why).join('; ')}.`
          : 'The statement ran but made no view, function, trigger, policy or materialized view index; an index on a table belongs in the table inspector.',
        'invalid_input',
      );
    }
    result = { objects: made };
  });
  return result!;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A sentence for a check Postgres stopped after its statement or lock timeout; else nothing. */
function stoppedByTimeout(error: unknown): void {
  const code = (error as { code?: unknown }).code;
  const postgresMessage = messageOf(error);
  if (code === '57014') {
    throw new RetortError(
      `The check ran longer than ${CHECK_STATEMENT_TIMEOUT_MS / 1000} seconds and Postgres stopped it; a definition is checked by running it (a materialized view runs its query), so write one that runs quickly over the design's empty tables.`,
      'invalid_design',
      { postgresMessage },
    );
  }
  if (code === '55P03') {
    throw new RetortError(
      `The check waited longer than ${CHECK_LOCK_TIMEOUT_MS / 1000} seconds for a lock and Postgres stopped it; something else holds what the statement needs.`,
      'invalid_design',
      { postgresMessage },
    );
  }
}

/** Postgres' error, with where it points in the statement as a line and column. */
function postgresRefusal(sql: string, error: unknown): RetortError {
  stoppedByTimeout(error);
  const message = messageOf(error);
  const position = Number((error as { position?: unknown }).position);
  if (Number.isInteger(position) && position > 0) {
    const { line, column } = lineAndColumn(sql, position);
    return new RetortError(
      `Postgres refused the statement at line ${line}: ${message}.`,
      'invalid_design',
      {
        postgresMessage: message,
        line,
        column,
      },
    );
  }
  return new RetortError(`Postgres refused the statement: ${message}.`, 'invalid_design', {
    postgresMessage: message,
  });
}
