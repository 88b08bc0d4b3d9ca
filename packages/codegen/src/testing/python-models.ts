/**
 * Generated models run by the real Python tools in tests: fresh server databases and
 * temporary model files, all removed after each test, and a script run over a models file
 * with the database's URL as SQLAlchemy spells it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Design } from '@retort/core';
import {
  createServerDatabase,
  hasPythonTools,
  PYTHON,
  type ServerDatabase,
  serverUrl,
  sqlalchemyVersion,
} from '@retort/testing';
import { compareDumps, dumpObjects, pgDump } from '@retort/testing/pg-dump';
import pg from 'pg';
import { afterEach, expect } from 'vitest';
import { emitSql } from '../sql/emit';
import { emitSqlalchemy } from '../sqlalchemy';
import { emitSqlalchemy2 } from '../sqlalchemy2';

/** `fixtures/create_all.py`: imports a models file and runs `Base.metadata.create_all`. */
export const CREATE_ALL_SCRIPT = new URL('../interop/fixtures/create_all.py', import.meta.url)
  .pathname;

/** `fixtures/drop_all.py`: imports a models file and runs `Base.metadata.drop_all`. */
export const DROP_ALL_SCRIPT = new URL('../interop/fixtures/drop_all.py', import.meta.url).pathname;

/** A server to build on and the Python tools to run there. */
export const PYTHON_READY = serverUrl() !== null && hasPythonTools();

/** Both model styles, each with whether the installed SQLAlchemy runs it (2.0 style needs 2). */
export const MODEL_STYLES: readonly [style: string, emit: (d: Design) => string, runs: boolean][] =
  [
    ['declarative (1.4 style)', emitSqlalchemy, true],
    ['2.0 style', emitSqlalchemy2, PYTHON_READY && Number(sqlalchemyVersion().split('.')[0]) >= 2],
  ];

/** Runs `statements` in order over one connection to the database at `url`. */
export async function runSql(url: string, ...statements: string[]): Promise<void> {
  await queryRows(url, ...statements);
}

/** The rows of the last of `statements`, run in order over one connection to `url`. */
export async function queryRows(
  url: string,
  ...statements: string[]
): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let rows: Record<string, unknown>[] = [];
    for (const statement of statements) rows = (await client.query(statement)).rows;
    return rows;
  } finally {
    await client.end();
  }
}

export function psycopg2Url(url: string): string {
  return url.replace(/^postgres(ql)?:\/\//, 'postgresql+psycopg2://');
}

/** Call once at a test file's top level; `prefix` names its databases and folders. */
export function pythonModels(prefix: string) {
  const databases: ServerDatabase[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(databases.splice(0).map((db) => db.drop()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const fresh = async (): Promise<ServerDatabase> => {
    const db = await createServerDatabase(`retort_${prefix}`);
    databases.push(db);
    return db;
  };
  /** Writes `text` to a file of that name in a new temporary folder. */
  const tempFile = (name: string, text: string): string => {
    const dir = mkdtempSync(join(tmpdir(), `retort-${prefix}-`));
    dirs.push(dir);
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  /** Runs `script` over the models `source` against the database at `url`; its stdout. */
  const runScript = (script: string, source: string, url: string): string =>
    execFileSync(PYTHON, [script, tempFile('models.py', source)], {
      env: { ...process.env, RETORT_SQLALCHEMY_URL: psycopg2Url(url) },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  /** A fresh database that `statements` have run in. */
  const builtBySql = async (...statements: string[]): Promise<ServerDatabase> => {
    const db = await fresh();
    await runSql(db.url, ...statements);
    return db;
  };
  /**
   * Runs the models `source`'s create_all in a fresh database and expects its pg_dump to be
   * the one `emitSql(design)` builds; returns that dump and the models' database.
   */
  const expectCreateAllAsSql = async (design: Design, source: string) => {
    const dump = await pgDump((await builtBySql(emitSql(design))).url);
    const db = await fresh();
    expect(runScript(CREATE_ALL_SCRIPT, source, db.url)).toContain('create_all done');
    const comparison = compareDumps(dump, await pgDump(db.url));
    expect(comparison.differences).toEqual([]);
    return { dump, comparison, db };
  };
  /** Runs the models `source`'s drop_all in the database at `url` and expects pg_dump empty. */
  const expectDropAllLeavesNothing = async (source: string, url: string): Promise<void> => {
    expect(runScript(DROP_ALL_SCRIPT, source, url)).toContain('drop_all done');
    expect([...dumpObjects(await pgDump(url)).keys()]).toEqual([]);
  };
  return {
    fresh,
    tempFile,
    runScript,
    builtBySql,
    expectCreateAllAsSql,
    expectDropAllLeavesNothing,
  };
}
