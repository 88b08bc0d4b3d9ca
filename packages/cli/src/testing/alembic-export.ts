/**
 * Test support: a project whose designs become revisions one after another, applied by
 * `retort upgrade head` to one database and exported as an Alembic project, whose real
 * Alembic runs against another; the two databases' pg_dumps are then compared.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Design } from '@retort/core';
import { createServerDatabase, PYTHON, type ServerDatabase } from '@retort/testing';
import { compareDumps, pgDump } from '@retort/testing/pg-dump';
import pg from 'pg';
import { expect } from 'vitest';
import { retort } from './retort-process';

/** Writes a revision per design in `dir`, upgrades `retortUrl` to head and exports `alembic/`. */
export async function revisionsUpgradedAndExported(
  dir: string,
  steps: readonly [message: string, design: Design][],
  retortUrl: string,
): Promise<void> {
  for (const [message, design] of steps) {
    writeFileSync(join(dir, 'design.json'), JSON.stringify(design));
    const made = await retort(['revision', '-m', message], { cwd: dir });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
  }
  const up = await retort(['upgrade', 'head', '--database-url', retortUrl], { cwd: dir });
  expect(up.code).toBe(0);
  expect((await retort(['export', 'alembic', 'alembic'], { cwd: dir })).code).toBe(0);
}

/** Runs the real Alembic in `dir`'s exported project against `url`. */
export function exportedAlembic(dir: string, url: string) {
  return (...args: string[]) =>
    promisify(execFile)(PYTHON, ['-m', 'alembic', ...args], {
      cwd: join(dir, 'alembic'),
      env: { ...process.env, DATABASE_URL: url },
    });
}

export interface AlembicBuild {
  /** The project: design.json, its revisions and the exported `alembic/`. */
  dir: string;
  /** The pg_dump of the database `retort upgrade head` built, which Alembic's equals. */
  dump: string;
  byRetort: ServerDatabase;
  byAlembic: ServerDatabase;
  /** The real Alembic in the exported project, against `byAlembic`. */
  alembic: ReturnType<typeof exportedAlembic>;
}

/**
 * Makes a revision per design in a new project and upgrades one new database to head with
 * `retort upgrade head`, another with the exported project under the real Alembic, expects
 * their pg_dumps to be the same, then runs `body`; the project and databases go afterwards.
 */
export async function withAlembicBuild(
  name: string,
  steps: readonly [message: string, design: Design][],
  body: (build: AlembicBuild) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `retort-${name}-`));
  const databases: ServerDatabase[] = [];
  try {
    const byRetort = await createServerDatabase(`retort_${name.replaceAll('-', '_')}`);
    databases.push(byRetort);
    const byAlembic = await createServerDatabase(`retort_${name.replaceAll('-', '_')}`);
    databases.push(byAlembic);
    await revisionsUpgradedAndExported(dir, steps, byRetort.url);
    const alembic = exportedAlembic(dir, byAlembic.url);
    await alembic('upgrade', 'head');
    const dump = await pgDump(byRetort.url);
    expect(compareDumps(dump, await pgDump(byAlembic.url)).differences).toEqual([]);
    await body({ dir, dump, byRetort, byAlembic, alembic });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    for (const db of databases) await db.drop();
  }
}

/**
 * Imports `dump` into a new project with `retort import --sql`, builds a new database from it
 * with `retort upgrade head`, expects that database's pg_dump to be `dump` again, and returns
 * the imported design.
 */
export async function importedAndRebuilt(name: string, dump: string): Promise<Design> {
  const dir = mkdtempSync(join(tmpdir(), `retort-${name}-import-`));
  const rebuilt = await createServerDatabase(`retort_${name.replaceAll('-', '_')}`);
  try {
    writeFileSync(join(dir, 'dump.sql'), dump);
    expect((await retort(['import', '--sql', 'dump.sql'], { cwd: dir })).code).toBe(0);
    const design = JSON.parse(readFileSync(join(dir, 'design.json'), 'utf8')) as Design;
    const up = await retort(['upgrade', 'head', '--database-url', rebuilt.url], { cwd: dir });
    expect(up.code).toBe(0);
    expect(compareDumps(dump, await pgDump(rebuilt.url)).differences).toEqual([]);
    return design;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await rebuilt.drop();
  }
}

/** The rows of `sql` in the database at `url`. */
export async function queryRows(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
