/**
 * Views, functions, triggers and policies through the real SQLAlchemy: the generated models'
 * `create_all` (1.4 style and 2.0 style) builds what Retort's own SQL builds, compared by
 * `pg_dump --schema-only` object by object, and `drop_all` leaves nothing behind.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createServerDatabase,
  hasPythonTools,
  PYTHON,
  type ServerDatabase,
  serverUrl,
  sqlalchemyVersion,
} from '@retort/testing';
import { objectsDesign } from '@retort/testing/objects-design';
import { compareDumps, dumpObjects, pgDump } from '@retort/testing/pg-dump';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { emitSql } from '../sql';
import { emitSqlalchemy } from '../sqlalchemy';
import { emitSqlalchemy2 } from '../sqlalchemy2';

const createAllScript = new URL('./fixtures/create_all.py', import.meta.url).pathname;
const ready = serverUrl() !== null && hasPythonTools();
const sqlalchemy2 = ready && Number(sqlalchemyVersion().split('.')[0]) >= 2;

const databases: ServerDatabase[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.drop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function fresh(): Promise<ServerDatabase> {
  const db = await createServerDatabase('retort_sa_objects');
  databases.push(db);
  return db;
}

function run(script: string, source: string, url: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'retort-sa-objects-'));
  dirs.push(dir);
  const models = join(dir, 'models.py');
  writeFileSync(models, source);
  return execFileSync(PYTHON, [script, models], {
    env: {
      ...process.env,
      RETORT_SQLALCHEMY_URL: url.replace(/^postgres(ql)?:\/\//, 'postgresql+psycopg2://'),
    },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function dropAllScript(): string {
  const dir = mkdtempSync(join(tmpdir(), 'retort-sa-drop-'));
  dirs.push(dir);
  const file = join(dir, 'drop_all.py');
  writeFileSync(
    file,
    [
      'import importlib.util, os, sys',
      'from sqlalchemy import create_engine',
      "spec = importlib.util.spec_from_file_location('models', sys.argv[1])",
      'models = importlib.util.module_from_spec(spec)',
      'spec.loader.exec_module(models)',
      "engine = create_engine(os.environ['RETORT_SQLALCHEMY_URL'], future=True)",
      'models.Base.metadata.drop_all(engine)',
      'engine.dispose()',
      "print('drop_all done')",
      '',
    ].join('\n'),
  );
  return file;
}

async function dumpOfSql(sql: string): Promise<string> {
  const db = await fresh();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
  return pgDump(db.url);
}

describe.skipIf(!ready)('SQLAlchemy create_all builds the objects', () => {
  const cases: [string, (d: ReturnType<typeof objectsDesign>) => string, boolean][] = [
    ['declarative (1.4 style)', emitSqlalchemy, true],
    ['2.0 style', emitSqlalchemy2, sqlalchemy2],
  ];
  for (const [style, emit, runs] of cases) {
    it.runIf(runs)(
      `${style}: the same pg_dump as Retort's SQL, and drop_all leaves nothing`,
      async () => {
        const design = objectsDesign();
        const source = emit(design);
        expect(source).toContain("event.listen(Base.metadata, 'after_create', DDL(_statement))");
        const expected = await dumpOfSql(emitSql(design));
        const db = await fresh();
        expect(run(createAllScript, source, db.url)).toContain('create_all done');
        const comparison = compareDumps(expected, await pgDump(db.url));
        expect(comparison.differences).toEqual([]);
        expect([...dumpObjects(expected).keys()]).toEqual(
          expect.arrayContaining([
            'FUNCTION public.current_owner()',
            'FUNCTION public.touch()',
            'VIEW public.rich_accounts',
            'VIEW public.richest_accounts',
            'ROW SECURITY public.accounts',
            'POLICY public.accounts accounts_owner',
            'TRIGGER public.accounts accounts_touch',
          ]),
        );
        expect(run(dropAllScript(), source, db.url)).toContain('drop_all done');
        expect([...dumpObjects(await pgDump(db.url)).keys()]).toEqual([]);
      },
      120_000,
    );
  }
});
