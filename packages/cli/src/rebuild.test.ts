/**
 * Whole schemas rebuilt: a fixture in pg_dump's own words is loaded into a server database,
 * imported through the real `retort`, and rebuilt into fresh databases four ways — Retort's
 * SQL (`upgrade head --sql`, run by psql), real SQLAlchemy `create_all` of `retort models`,
 * the exported Alembic project under real Alembic, and `retort upgrade head`. Each rebuilt
 * database must print the original's `pg_dump --schema-only` object by object, and
 * `drop_all` and `downgrade base` must leave nothing behind. What Retort does not model yet
 * is listed per fixture: imported with `--allow-partial` and left out of the comparison.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CREATE_ALL_SCRIPT,
  DROP_ALL_SCRIPT,
  pythonModels,
} from '@retort/codegen/testing/python-models';
import {
  createServerDatabase,
  hasPythonTools,
  type ServerDatabase,
  serverUrl,
} from '@retort/testing';
import { compareDumps, FIXTURES_DIR, pgDump, psqlFile } from '@retort/testing/pg-dump';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportedAlembic } from './testing/alembic-export';
import { type Outcome, retort } from './testing/retort-process';

interface Fixture {
  file: string;
  /** How many objects of its pg_dump are compared. */
  objects: number;
  /**
   * The pg_dump keys of what Retort does not model yet: imported with `--allow-partial`,
   * reported by `check`, and left out of the comparison.
   */
  unmodelled: string[];
}

const FIXTURES: Fixture[] = [
  { file: 'modelled-subset.sql', objects: 75, unmodelled: [] },
  { file: 'kitchen-sink.sql', objects: 104, unmodelled: [] },
];

/** Alembic's table, which `retort import` and `retort upgrade` write and the fixtures lack. */
const VERSION_TABLE = [
  'TABLE public.alembic_version',
  'CONSTRAINT public.alembic_version alembic_version_pkc',
];

async function query(url: string, sql: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ line: string }>(sql);
    return result.rows.map((r) => r.line);
  } finally {
    await client.end();
  }
}

const USER_NAMESPACE = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";

/** What a database holds besides an empty public schema and plpgsql, one line each. */
function leftovers(url: string): Promise<string[]> {
  return query(
    url,
    `SELECT 'relation ' || n.nspname || '.' || c.relname AS line
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_NAMESPACE}
     UNION ALL
     SELECT 'type ' || n.nspname || '.' || t.typname
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE ${USER_NAMESPACE} AND t.typrelid = 0 AND t.typcategory <> 'A'
     UNION ALL
     SELECT 'routine ' || n.nspname || '.' || p.proname
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${USER_NAMESPACE}
     UNION ALL
     SELECT 'schema ' || n.nspname FROM pg_namespace n
      WHERE ${USER_NAMESPACE} AND n.nspname <> 'public'
     UNION ALL
     SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'
     ORDER BY 1`,
  );
}

function succeeded(outcome: Outcome): Outcome {
  expect(outcome.stderr).toBe('');
  expect(outcome.code).toBe(0);
  return outcome;
}

const ready = serverUrl() !== null && hasPythonTools();
const { fresh, runScript } = pythonModels('rebuild');

describe.runIf(ready).each(FIXTURES)('$file, imported and rebuilt', (fixture) => {
  let original: ServerDatabase;
  let dir: string;
  /** The original's pg_dump, taken before import stamps alembic_version into it. */
  let before: string;
  let imported: Outcome;

  const partial = fixture.unmodelled.length > 0;
  const sameAsOriginal = async (url: string) => {
    const comparison = compareDumps(before, await pgDump(url), {
      ignore: [...VERSION_TABLE, ...fixture.unmodelled],
    });
    expect(comparison.differences).toEqual([]);
    expect(comparison.objects).toBe(fixture.objects);
  };

  beforeAll(async () => {
    original = await createServerDatabase('retort_rebuild');
    dir = mkdtempSync(join(tmpdir(), 'retort-rebuild-'));
    await psqlFile(original.url, join(FIXTURES_DIR, fixture.file));
    before = await pgDump(original.url);
    imported = await retort(
      ['import', '--database-url', original.url, ...(partial ? ['--allow-partial'] : [])],
      { cwd: dir },
    );
  }, 120_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await original?.drop();
  });

  it('imports, and check right after finds no drift but what Retort does not model', async () => {
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Imported the database: \d+ tables written to design\.json/);
    const check = await retort(['check', '--database-url', original.url], { cwd: dir });
    if (!partial) {
      expect(check.stderr).toBe('');
      expect(check.stdout).toBe('No drift.\n');
      expect(check.code).toBe(0);
      return;
    }
    const differences = check.stdout.split('\n').filter((l) => l.startsWith('  - '));
    expect(differences).toHaveLength(fixture.unmodelled.length);
    for (const line of differences) expect(line).toMatch(/ is not modelled by Retort \(/);
    expect(check.code).toBe(1);
  });

  it('from the SQL Retort shows for upgrade head, run by psql', async () => {
    const db = await fresh();
    const shown = succeeded(
      await retort(['upgrade', 'head', '--sql', '--database-url', db.url], { cwd: dir }),
    );
    const script = join(dir, 'upgrade.sql');
    writeFileSync(script, shown.stdout);
    await psqlFile(db.url, script);
    await sameAsOriginal(db.url);
  }, 120_000);

  it('from the SQLAlchemy models under real create_all; drop_all leaves nothing', async () => {
    const db = await fresh();
    const models = succeeded(await retort(['models', '--format', 'sqlalchemy'], { cwd: dir }));
    expect(runScript(CREATE_ALL_SCRIPT, models.stdout, db.url)).toContain('create_all done');
    await sameAsOriginal(db.url);
    expect(runScript(DROP_ALL_SCRIPT, models.stdout, db.url)).toContain('drop_all done');
    expect(await leftovers(db.url)).toEqual([]);
  }, 120_000);

  it('from the exported Alembic project: upgrade head, then downgrade base leaves only alembic_version', async () => {
    const db = await fresh();
    succeeded(await retort(['export', 'alembic', 'alembic'], { cwd: dir }));
    const alembic = exportedAlembic(dir, db.url);
    await alembic('upgrade', 'head');
    await sameAsOriginal(db.url);
    await alembic('downgrade', 'base');
    expect(await leftovers(db.url)).toEqual([
      'relation public.alembic_version',
      'relation public.alembic_version_pkc',
    ]);
  }, 120_000);

  it('from retort upgrade head', async () => {
    const db = await fresh();
    const up = succeeded(await retort(['upgrade', 'head', '--database-url', db.url], { cwd: dir }));
    expect(up.stdout).toMatch(/The database is now at [0-9a-f]{12}\./);
    await sameAsOriginal(db.url);
  }, 120_000);
});
