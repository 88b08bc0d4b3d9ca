/**
 * Dropping a column or a table that holds data: preflight counts what would be lost, the run
 * refuses without force, a forced run deletes it, and the downgrade says plainly that it
 * cannot bring the data back.
 */
import { lintOperations, RetortError } from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../testing/temp-project';
import { downgrade, upgrade } from './run';
import { currentRevision } from './version-table';

const NOT_BACK = 'a downgrade cannot bring dropped data back';

describe.each(databaseTargets())('dropped data on %s', (kind) => {
  it('a dropped column holding 3 values in 5 rows is refused with 3, applies with force, and its downgrade says the values do not come back', async () => {
    const shop = loadShopDesign();
    const temp = await tempProject(shop);
    try {
      const first = (await temp.project.createRevision('shop'))!;
      const without = structuredClone(shop);
      const users = without.tables.find((t) => t.name === 'users')!;
      users.columns = users.columns.filter((c) => c.name !== 'username');
      await temp.write(without);
      const second = (await temp.project.createRevision('drop username'))!;
      expect(second.operations.map((o) => o.kind)).toEqual(['drop_column']);
      const lint = lintOperations(second.operations).find((f) => f.code === 'DS103');
      expect(lint?.message).toContain(NOT_BACK);
      const revisions = await temp.project.revisions();

      await withTestDatabase(kind, async (db) => {
        await upgrade(db, revisions, first.id);
        await db.exec(`INSERT INTO users (telegram_id, full_name, username, language_code) VALUES
          (1, 'A', 'a', 'en'), (2, 'B', NULL, 'en'), (3, 'C', 'c', 'en'),
          (4, 'D', NULL, 'en'), (5, 'E', 'e', 'en')`);

        const refused = await upgrade(db, revisions, 'head').catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(RetortError);
        const error = refused as RetortError;
        expect(error.code).toBe('refused');
        expect(error.message).toContain('would delete data');
        expect(error.message).toContain('3 rows of users hold a value in username');
        expect(error.details).toMatchObject({
          preflight: [{ code: 'values_lost', rows: 3, operation: 0 }],
        });
        expect(await currentRevision(db)).toBe(first.id);
        const kept = await db.query<{ n: string | number }>(
          'SELECT count(username) AS n FROM users',
        );
        expect(Number(kept.rows[0]!.n)).toBe(3);

        const forced = await upgrade(db, revisions, 'head', { force: true });
        expect(forced.preflight).toMatchObject([{ code: 'values_lost', rows: 3 }]);
        expect(await currentRevision(db)).toBe(second.id);

        const down = await downgrade(db, revisions, '-1');
        expect(down.notices).toEqual([
          `Downgrading ${second.id} adds column users.username back empty: ${NOT_BACK}.`,
        ]);
        const back = await db.query<{ n: string | number }>(
          'SELECT count(username) AS n FROM users',
        );
        expect(Number(back.rows[0]!.n)).toBe(0);
      });
    } finally {
      await temp.cleanup();
    }
  }, 180_000);

  it('a dropped table counts its rows, and downgrading it says they do not come back', async () => {
    const shop = loadShopDesign();
    const temp = await tempProject(shop);
    try {
      const first = (await temp.project.createRevision('shop'))!;
      const without = structuredClone(shop);
      without.tables = without.tables.filter((t) => t.name !== 'order_products');
      await temp.write(without);
      const second = (await temp.project.createRevision('drop order_products'))!;
      const revisions = await temp.project.revisions();

      await withTestDatabase(kind, async (db) => {
        await upgrade(db, revisions, first.id);
        await db.exec(`INSERT INTO users (telegram_id, full_name, language_code) VALUES (1, 'A', 'en');
          INSERT INTO products (product_id, title, description) VALUES (1, 'P', 'd');
          INSERT INTO orders (order_id, user_id) VALUES (1, 1);
          INSERT INTO order_products (order_id, product_id, quantity) VALUES (1, 1, 2)`);
        const dry = await upgrade(db, revisions, 'head', { dryRun: true });
        expect(dry.preflight).toMatchObject([{ code: 'rows_lost', rows: 1 }]);
        expect(dry.preflight[0]!.message).toBe(
          `1 row of order_products goes with the table; ${NOT_BACK} (the table comes back empty).`,
        );
        await upgrade(db, revisions, 'head', { force: true });
        const down = await downgrade(db, revisions, 'base', { force: true });
        expect(down.notices).toEqual([
          `Downgrading ${second.id} creates table order_products again empty: ${NOT_BACK}.`,
        ]);
      });
    } finally {
      await temp.cleanup();
    }
  }, 180_000);
});
