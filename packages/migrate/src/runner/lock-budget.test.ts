import { serverUrl } from '@retort/testing';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { describe, expect, it } from 'vitest';

describe('the lock budget', () => {
  it.runIf(serverUrl() !== null)(
    'refuses a run that needs more locks than the server holds, naming the setting',
    async () => {
      const { estimateLocks, lockBudget } = await import('./lock-budget');
      await withTestDatabase('postgres', async (db) => {
        const budget = await lockBudget(db);
        expect(budget.total).toBeGreaterThan(0);
        const { largeDesign } = await import('@retort/testing/large-design');
        const { diff, toCatalog } = await import('@retort/core');
        const big = largeDesign(1000);
        const empty = { ...big, tables: [], enums: [] };
        const drops = diff(big, empty);
        const need = estimateLocks([
          { operations: drops, before: toCatalog(big), after: toCatalog(empty) },
        ]);
        expect(need).toBeGreaterThan(budget.total);
        const { checkLockBudget } = await import('./lock-budget');
        await expect(checkLockBudget(db, need)).rejects.toThrow(
          /set max_locks_per_transaction to at least \d+/,
        );
      });
    },
  );

  it.each(databaseTargets())(
    'never estimates fewer locks than %s takes to create and drop sixty tables',
    async (kind) => {
      const { estimateLocks } = await import('./lock-budget');
      const { largeDesign } = await import('@retort/testing/large-design');
      const { diff, toCatalog } = await import('@retort/core');
      const { renderMigrationSql } = await import('@retort/codegen');
      const big = largeDesign(60);
      const empty = { ...big, tables: [], enums: [] };
      const create = diff(empty, big);
      const sql = renderMigrationSql(create);
      const held = `SELECT count(*)::int AS n FROM pg_locks WHERE pid = pg_backend_pid() AND locktype <> 'virtualxid'`;
      await withTestDatabase(kind, async (db) => {
        const created = await db.transaction(async (tx) => {
          for (const s of sql.upgrade) await tx.exec(s);
          return (await tx.query<{ n: number }>(held)).rows[0]!.n;
        });
        const dropped = await db.transaction(async (tx) => {
          for (const s of sql.downgrade) await tx.exec(s);
          return (await tx.query<{ n: number }>(held)).rows[0]!.n;
        });
        const catalogs = { before: toCatalog(empty), after: toCatalog(big) };
        expect(estimateLocks([{ operations: create, ...catalogs }])).toBeGreaterThanOrEqual(
          created,
        );
        const reverse = { before: catalogs.after, after: catalogs.before };
        expect(
          estimateLocks([{ operations: diff(big, empty), ...reverse }]),
        ).toBeGreaterThanOrEqual(dropped);
      });
    },
    60_000,
  );
});
