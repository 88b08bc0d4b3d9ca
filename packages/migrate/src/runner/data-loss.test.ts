import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../testing/temp-project';
import { downgrade, upgrade } from './run';
import { currentRevision } from './version-table';

describe.each(databaseTargets())('data loss on %s', (kind) => {
  it('a dry downgrade to base names every table with the rows it would lose, and changes nothing', async () => {
    const shop = loadShopDesign();
    const temp = await tempProject(shop);
    try {
      const first = (await temp.project.createRevision('create the shop tables'))!;
      const withoutDescription = structuredClone(shop);
      const products = withoutDescription.tables.find((t) => t.name === 'products')!;
      products.columns = products.columns.filter((c) => c.name !== 'description');
      await temp.write(withoutDescription);
      const second = (await temp.project.createRevision('drop the description'))!;
      const revisions = await temp.project.revisions();

      await withTestDatabase(kind, async (db) => {
        await upgrade(db, revisions, first.id);
        await db.exec(
          `INSERT INTO users (telegram_id, full_name, language_code) VALUES (1, 'Ann', 'en'), (2, 'Bo', 'de')`,
        );
        await db.exec(
          `INSERT INTO products (title, description) VALUES ('tea', 'green'), ('cup', NULL), ('pot', 'clay')`,
        );

        const up = await upgrade(db, revisions, 'head', { dryRun: true });
        // Only the products with a description lose a value.
        expect(up.dataLoss).toEqual([
          { operation: 0, kind: 'column', table: 'products', name: 'description', rows: 2 },
        ]);
        expect(up.database).toBeTruthy();
        expect(await currentRevision(db)).toBe(first.id);

        const down = await downgrade(db, revisions, 'base', { dryRun: true });
        const tables = Object.fromEntries(
          (down.dataLoss ?? []).filter((l) => l.kind === 'table').map((l) => [l.name, l.rows]),
        );
        expect(tables).toEqual({ users: 2, products: 3, orders: 0, order_products: 0 });
        expect(await currentRevision(db)).toBe(first.id);
        const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM products');
        expect(rows).toEqual([{ n: 3 }]);

        // Deleting held values takes force: the dry run's counts are what force would delete.
        const real = await upgrade(db, revisions, 'head', { force: true });
        expect(real.dataLoss).toBeUndefined();
        expect(second.id).toBe(await currentRevision(db));
      });
    } finally {
      await temp.cleanup();
    }
  });
});
