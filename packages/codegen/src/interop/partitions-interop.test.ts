/**
 * Partitions through the real Python tools against Postgres, compared by pg_dump object by
 * object: `create_all` of both model styles (the parent with `postgresql_partition_by`, its
 * partitions by `DDL` after it) builds what Retort's SQL builds, and the exported Alembic
 * project (a partition created, then its bound changed: detach and attach) upgrades to the
 * same dump and downgrades to nothing.
 */
import { rmSync } from 'node:fs';
import { inCI } from '@retort/testing';
import { partitionsDesign } from '@retort/testing/partitions-design';
import { compareDumps, pgDump } from '@retort/testing/pg-dump';
import { describe, expect, it } from 'vitest';
import { emitSql } from '../sql';
import { runAlembic, twoRevisions, writeAlembicProject } from '../testing/alembic-project';
import { MODEL_STYLES, PYTHON_READY, pythonModels, queryRows } from '../testing/python-models';

if (!PYTHON_READY && !inCI)
  console.warn('Partition interop skipped: no TEST_DATABASE_URL or no Python tools.');

const { fresh, builtBySql, expectCreateAllAsSql } = pythonModels('part');

/** The dump without Alembic's own table. */
const withoutVersionTable = (dump: string) =>
  dump.replace(/--\n-- Name: alembic_version[\s\S]*?(?=--\n-- Name: (?!alembic_version)|$)/g, '');

describe.skipIf(!PYTHON_READY)('partitions through SQLAlchemy and Alembic', () => {
  it('create_all of both model styles builds, by pg_dump, what Retort’s SQL builds', async () => {
    const design = partitionsDesign();
    for (const [, emit, runs] of MODEL_STYLES) {
      if (!runs) continue;
      const { comparison } = await expectCreateAllAsSql(design, emit(design));
      expect(comparison.objects).toBeGreaterThan(20);
    }
  }, 120_000);

  it('the exported Alembic project upgrades to the dump of Retort’s SQL and downgrades to nothing', async () => {
    const design = partitionsDesign();
    const middle = structuredClone(design);
    middle.tables.find((t) => t.id === 't_tickets_am')!.partitionBound = "FOR VALUES IN ('us')";
    const revisions = twoRevisions(middle, design);
    expect(revisions[1]!.operations.map((op) => op.kind)).toEqual([
      'detach_partition',
      'attach_partition',
    ]);
    const dir = writeAlembicProject(revisions, design);
    try {
      const fromSql = await builtBySql(emitSql(design));
      const db = await fresh();
      runAlembic(dir, db.url, 'upgrade', 'head');
      const comparison = compareDumps(
        await pgDump(fromSql.url),
        withoutVersionTable(await pgDump(db.url)),
      );
      expect(comparison.differences).toEqual([]);
      runAlembic(dir, db.url, 'downgrade', 'base');
      const left = await queryRows(
        db.url,
        "SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') AND c.relname <> 'alembic_version' AND c.relkind IN ('r', 'p')",
      );
      expect(left).toEqual([{ n: 0 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
