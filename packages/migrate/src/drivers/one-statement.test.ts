/**
 * A query runs exactly one statement, on both databases: a text that carries a second
 * statement is refused by Postgres and nothing of it runs.
 */
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { describe, expect, it } from 'vitest';

describe.each(databaseTargets())('a query on %s', (kind) => {
  it('refuses two statements in one call and runs neither', async () => {
    await withTestDatabase(kind, async (db) => {
      await db.exec('CREATE TABLE victim (v INT)');
      await expect(db.query('SELECT 1; DROP TABLE victim')).rejects.toThrow();
      await expect(db.query('SELECT 1 AS n; SELECT 2 AS n')).rejects.toThrow();
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_class WHERE relname = 'victim'",
      );
      expect(rows).toEqual([{ n: 1 }]);
    });
  });

  it('refuses two statements inside a transaction too', async () => {
    await withTestDatabase(kind, async (db) => {
      await db.exec('CREATE TABLE victim (v INT)');
      await expect(
        db.transaction((tx) => tx.query('ALTER TABLE victim ADD COLUMN w INT; DROP TABLE victim')),
      ).rejects.toThrow();
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_attribute WHERE attrelid = 'victim'::regclass AND attnum > 0",
      );
      expect(rows).toEqual([{ n: 1 }]);
    });
  });
});
