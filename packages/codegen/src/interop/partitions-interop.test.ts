/**
 * Partitions through the real Python tools against Postgres, compared by pg_dump object by
 * object: `create_all` of both model styles (the parent with `postgresql_partition_by`, its
 * partitions by `DDL` after it) builds what Retort's SQL builds, and the exported Alembic
 * project (a partition created, then its bound changed: detach and attach) upgrades to the
 * same dump and downgrades to nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Design, diff } from '@retort/core';
import {
  createServerDatabase,
  hasPythonTools,
  inCI,
  PYTHON,
  serverUrl,
  sqlalchemyVersion,
} from '@retort/testing';
import { partitionsDesign } from '@retort/testing/partitions-design';
import { compareDumps, pgDump } from '@retort/testing/pg-dump';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { alembicProjectFiles } from '../alembic';
import { emitSql } from '../sql';
import { emitSqlalchemy } from '../sqlalchemy';
import { emitSqlalchemy2 } from '../sqlalchemy2';
import { CREATE_ALL_SCRIPT, pythonModels } from '../testing/python-models';

const ready = serverUrl() !== null && hasPythonTools();
if (!ready && !inCI)
  console.warn('Partition interop skipped: no TEST_DATABASE_URL or no Python tools.');
const sqlalchemy2Available = ready && Number(sqlalchemyVersion().split('.')[0]) >= 2;

const { fresh, runScript } = pythonModels('part');

async function run(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The dump without Alembic's own table. */
const withoutVersionTable = (dump: string) =>
  dump.replace(/--\n-- Name: alembic_version[\s\S]*?(?=--\n-- Name: (?!alembic_version)|$)/g, '');

describe.skipIf(!ready)('partitions through SQLAlchemy and Alembic', () => {
  it('create_all of both model styles builds, by pg_dump, what Retort’s SQL builds', async () => {
    const design = partitionsDesign();
    const fromSql = await fresh();
    await run(fromSql.url, emitSql(design));
    const expected = await pgDump(fromSql.url);
    for (const emit of sqlalchemy2Available
      ? [emitSqlalchemy, emitSqlalchemy2]
      : [emitSqlalchemy]) {
      const fromModels = await fresh();
      expect(runScript(CREATE_ALL_SCRIPT, emit(design), fromModels.url)).toContain(
        'create_all done',
      );
      const comparison = compareDumps(expected, await pgDump(fromModels.url));
      expect(comparison.differences).toEqual([]);
      expect(comparison.objects).toBeGreaterThan(20);
    }
  }, 120_000);

  it('the exported Alembic project upgrades to the dump of Retort’s SQL and downgrades to nothing', async () => {
    const design = partitionsDesign();
    const middle = structuredClone(design);
    middle.tables.find((t) => t.id === 't_tickets_am')!.partitionBound = "FOR VALUES IN ('us')";
    const empty: Design = { ...design, enums: [], tables: [] };
    const revisions = [
      {
        id: 'a1b2c3d4e5f6',
        parent: null,
        message: 'first',
        createdAt: '2024-01-01T00:00:00Z',
        operations: diff(empty, middle),
        schema: middle,
      },
      {
        id: 'b1b2c3d4e5f6',
        parent: 'a1b2c3d4e5f6',
        message: 'second',
        createdAt: '2024-01-02T00:00:00Z',
        operations: diff(middle, design),
        schema: design,
      },
    ];
    expect(revisions[1]!.operations.map((op) => op.kind)).toEqual([
      'detach_partition',
      'attach_partition',
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'retort-alembic-part-'));
    try {
      for (const [path, text] of Object.entries(
        alembicProjectFiles({ name: design.name, design, revisions }),
      )) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const alembic = (url: string, ...args: string[]) =>
        execFileSync(PYTHON, ['-m', 'alembic', ...args], {
          cwd: dir,
          env: { ...process.env, DATABASE_URL: url },
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      const fromSql = await fresh();
      await run(fromSql.url, emitSql(design));
      const db = await createServerDatabase('retort_part_alembic');
      try {
        alembic(db.url, 'upgrade', 'head');
        const comparison = compareDumps(
          await pgDump(fromSql.url),
          withoutVersionTable(await pgDump(db.url)),
        );
        expect(comparison.differences).toEqual([]);
        alembic(db.url, 'downgrade', 'base');
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        try {
          const left = await client.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') AND c.relname <> 'alembic_version' AND c.relkind IN ('r', 'p')",
          );
          expect(left.rows[0]!.n).toBe(0);
        } finally {
          await client.end();
        }
      } finally {
        await db.drop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
