import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  catalogsEqual,
  describeCatalogDifferences,
  parseDesign,
  RetortError,
  toCatalog,
} from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { checkDrift } from '../drift/check-drift';
import { designFromSql, importDatabase } from '../import/import-database';
import { openProject } from '../project/project';
import { downgrade, upgrade } from '../runner/run';
import { currentRevision } from '../runner/version-table';
import { tempProject } from '../testing/temp-project';
import { designFromCatalog } from './design-from-catalog';
import { introspect } from './introspect';

describe.each(databaseTargets())('introspection on %s', (kind) => {
  it('reads back every feature of the model: enums, serials, defaults, keys, indexes, checks, comments', async () => {
    const temp = await tempProject(everyFeatureDesign);
    try {
      await temp.project.createRevision('everything');
      const revisions = await temp.project.revisions();
      await withTestDatabase(kind, async (db) => {
        await upgrade(db, revisions, 'head');
        const live = await introspect(db);
        const expected = toCatalog(everyFeatureDesign);
        expect(describeCatalogDifferences(expected, live)).toEqual([]);
        expect(live).toEqual(expected);

        const drift = await checkDrift(db, revisions);
        expect(drift).toEqual({ revision: revisions[0]!.id, differences: [], unmodelled: [] });
        const table = expected.tables[0]!;
        await db.exec(`ALTER TABLE "${table.name}" ADD COLUMN sneaky INTEGER`);
        const drifted = await checkDrift(db, revisions);
        expect(drifted.differences).toHaveLength(1);
        expect(drifted.differences[0]).toContain('sneaky');
      });
    } finally {
      await temp.cleanup();
    }
  });

  it('finds no drift after a downgrade adds a dropped column back at the end of its table', async () => {
    const shop = loadShopDesign();
    const temp = await tempProject(shop);
    try {
      await temp.project.createRevision('initial');
      const users = shop.tables.find((t) => t.name === 'users')!;
      await temp.write({
        ...shop,
        tables: shop.tables.map((t) =>
          t === users ? { ...t, columns: t.columns.filter((c) => c.name !== 'username') } : t,
        ),
      });
      await temp.project.createRevision('drop username');
      const revisions = await temp.project.revisions();
      await withTestDatabase(kind, async (db) => {
        await upgrade(db, revisions, 'head');
        await downgrade(db, revisions, '-1');
        const live = await introspect(db);
        const liveUsers = live.tables.find((t) => t.name === 'users')!;
        expect(liveUsers.columns.at(-1)!.name).toBe('username');
        expect(await checkDrift(db, revisions)).toEqual({
          revision: revisions[0]!.id,
          differences: [],
          unmodelled: [],
        });
      });
    } finally {
      await temp.cleanup();
    }
  });

  it('imports an existing database: a design on a grid, a baseline revision stamped in alembic_version', async () => {
    const shop = loadShopDesign();
    const source = await tempProject(shop);
    const target = await tempProject(shop);
    try {
      await source.project.createRevision('create the shop tables');
      const revisions = await source.project.revisions();
      await withTestDatabase(kind, async (db) => {
        await upgrade(db, revisions, 'head');
        await db.exec('DROP TABLE alembic_version');
        await target.cleanup();
        const result = await importDatabase(db, target.dir, { name: 'shop' });
        expect(catalogsEqual(toCatalog(result.design), toCatalog(shop))).toBe(true);
        expect(await currentRevision(db)).toBe(result.revision.id);
        const project = await openProject(target.dir);
        const saved = await project.readDesign();
        expect(saved.design).toEqual(result.design);
        expect((await project.revisions()).map((r) => r.id)).toEqual([result.revision.id]);
        expect((await project.pending()).operations).toEqual([]);
        expect(await checkDrift(db, await project.revisions())).toEqual({
          revision: result.revision.id,
          differences: [],
          unmodelled: [],
        });
        const boxes = result.design.tables.map((t) => ({
          ...t.position!,
          h: 48 + 28 * t.columns.length,
          w: 280,
        }));
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const apart =
              a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
            expect(apart).toBe(true);
          }
        }
        const again = await importDatabase(db, target.dir).catch((e: unknown) => e);
        expect((again as RetortError).code).toBe('refused');
      });
    } finally {
      await source.cleanup();
      await target.cleanup();
    }
  });
});

describe('designs from SQL', () => {
  it('reads the tutorial SQL through a real Postgres', async () => {
    const sql = await readFile(
      join(import.meta.dirname, '../../../codegen/src/interop/fixtures/tutorial-shop.sql'),
      'utf8',
    );
    const design = parseDesign(await designFromSql(sql, 'shop'));
    expect(design.tables.map((t) => t.name).sort()).toEqual([
      'order_products',
      'orders',
      'products',
      'users',
    ]);
    expect(designFromCatalog(toCatalog(design), 'shop')).toEqual(design);
  });

  it("reports Postgres' own message for SQL that does not run", async () => {
    const error = await designFromSql('CREATE TABLE broken (id INTEGR);').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetortError);
    expect((error as RetortError).message).toMatch(
      /^The SQL does not run on Postgres: type "integr" does not exist\.$/,
    );
  });
});
