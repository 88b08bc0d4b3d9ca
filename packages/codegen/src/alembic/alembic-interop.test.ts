/**
 * The exported Alembic project runs under the real Alembic (/usr/bin/python3) against
 * Postgres: upgrade head, downgrade -1, downgrade base, upgrade head. After upgrade head
 * the catalog equals the one Retort's own SQL builds; after downgrade base no table is left.
 */
import { rmSync } from 'node:fs';
import { createServerDatabase, hasPythonTools, inCI, serverUrl } from '@retort/testing';
import { constraintsDesign, constraintsDesignBefore } from '@retort/testing/constraints-design';
import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { type DumpedCatalog, dumpCatalog } from '@retort/testing/pg-catalog';
import { type TutorialRevision, tutorialRevisions } from '@retort/testing/tutorial';
import { describe, expect, it } from 'vitest';
import { hostileDesign } from '../interop/hostile-design';
import { quirksDesign } from '../interop/quirks-design';
import { emitSql, renderMigrationSql } from '../sql';
import { runAlembic, twoRevisions, writeAlembicProject } from '../testing/alembic-project';
import { runSql } from '../testing/python-models';

const ready = serverUrl() !== null && hasPythonTools();
if (!ready && !inCI)
  console.warn('Alembic interop skipped: no TEST_DATABASE_URL or no Python tools.');

async function catalogOfSql(statements: string[]): Promise<DumpedCatalog> {
  const db = await createServerDatabase('retort_alembic_sql');
  try {
    await runSql(db.url, ...statements);
    return await dumpCatalog(db.url);
  } finally {
    await db.drop();
  }
}

async function roundTrip(revisions: TutorialRevision[]): Promise<void> {
  const design = revisions.at(-1)!.schema;
  const dir = writeAlembicProject(revisions, design);
  const db = await createServerDatabase('retort_alembic');
  try {
    const expected = await catalogOfSql(
      revisions.flatMap((r) => renderMigrationSql(r.operations).upgrade),
    );
    const expectedFirst = await catalogOfSql(renderMigrationSql(revisions[0]!.operations).upgrade);
    const withoutVersion = (c: DumpedCatalog) => ({
      ...c,
      tables: c.tables.filter((t) => t.name !== 'alembic_version'),
    });
    runAlembic(dir, db.url, 'upgrade', 'head');
    expect(withoutVersion(await dumpCatalog(db.url))).toEqual(expected);
    runAlembic(dir, db.url, 'downgrade', '-1');
    const afterOne = withoutVersion(await dumpCatalog(db.url));
    const sortColumns = (c: DumpedCatalog) => ({
      ...c,
      tables: c.tables.map((t) => ({
        ...t,
        columns: [...t.columns].sort((x, y) => x.name.localeCompare(y.name)),
      })),
    });
    expect(sortColumns(afterOne)).toEqual(sortColumns(expectedFirst));
    runAlembic(dir, db.url, 'downgrade', 'base');
    const empty = await dumpCatalog(db.url);
    expect(empty.tables.map((t) => t.name)).toEqual(['alembic_version']);
    expect(empty.enums).toEqual([]);
    runAlembic(dir, db.url, 'upgrade', 'head');
    expect(withoutVersion(await dumpCatalog(db.url))).toEqual(expected);
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!ready)('the exported Alembic project under the real Alembic', () => {
  it('runs the tutorial’s two revisions up, down and up, building the catalog of Retort’s SQL', async () => {
    await roundTrip(tutorialRevisions(loadShopDesign()));
  }, 120_000);

  it('builds every feature (enums, cycles, checks, serials) exactly as Retort’s SQL does', async () => {
    await roundTrip(twoRevisions(loadShopDesign(), everyFeatureDesign));
  }, 120_000);

  it('builds the quirks design (two serials in one key, reserved names) as Retort’s SQL does', async () => {
    await roundTrip(twoRevisions(everyFeatureDesign, quirksDesign));
  }, 120_000);

  it('validates a check and changes an index comment, and un-validates it going down', async () => {
    await roundTrip(twoRevisions(constraintsDesignBefore, constraintsDesign));
    await roundTrip(twoRevisions(constraintsDesign, constraintsDesignBefore));
  }, 180_000);

  it('builds a design of hostile names whose new tables have keys to a table named with a dot', async () => {
    await roundTrip(twoRevisions(hostileDesign, hostileDesign));
  }, 180_000);

  it('adds keys to a table named with a dot to an existing table', async () => {
    const middle = {
      ...hostileDesign,
      tables: hostileDesign.tables.map((t) =>
        t.id === 't_strange' ? { ...t, foreignKeys: [] } : t,
      ),
    };
    await roundTrip(twoRevisions(middle, hostileDesign));
  }, 180_000);

  it('the initial revision equals emitSql of the design', async () => {
    const [first] = tutorialRevisions(loadShopDesign());
    const fromEmit = await catalogOfSql([emitSql(first!.schema)]);
    const fromOps = await catalogOfSql(renderMigrationSql(first!.operations).upgrade);
    expect(fromOps).toEqual(fromEmit);
  }, 60_000);
});
