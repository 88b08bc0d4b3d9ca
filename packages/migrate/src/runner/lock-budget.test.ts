import { serverUrl } from '@retort/testing';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { describe, expect, it } from 'vitest';
import type { Queryable, Revision } from '../contract';

describe('the lock budget', () => {
  it.runIf(serverUrl() !== null)(
    'names a max_locks_per_transaction whose lock table holds the run it could not',
    async () => {
      const { estimateLocks, lockBudget, outOfLocksError, requiredLocksSetting } = await import(
        './lock-budget'
      );
      await withTestDatabase('postgres', async (db) => {
        const budget = await lockBudget(db);
        const { largeDesign } = await import('@retort/testing/large-design');
        const { diff, toCatalog } = await import('@retort/core');
        const big = largeDesign(1000);
        const empty = { ...big, tables: [], enums: [] };
        const need = estimateLocks([
          { operations: diff(big, empty), before: toCatalog(big), after: toCatalog(empty) },
        ]);
        const required = requiredLocksSetting(budget, need);
        expect(required).toBeGreaterThan(budget.maxLocksPerTransaction);
        expect(required * budget.slots).toBeGreaterThanOrEqual(need);
        expect(outOfLocksError(budget, need, null).message).toMatch(
          new RegExp(
            `rolled back whole and nothing was changed: set max_locks_per_transaction to at least ${required} \\(now ${budget.maxLocksPerTransaction}\\)`,
          ),
        );
      });
    },
  );

  it.runIf(serverUrl() !== null)(
    'a 1000-table design goes up in one run on the server, and comes down to base whole or not at all',
    async () => {
      const { largeDesign } = await import('@retort/testing/large-design');
      const { diff } = await import('@retort/core');
      const { renderMigrationSql } = await import('@retort/codegen');
      const { upgrade, downgrade } = await import('./run');
      const { currentRevision } = await import('./version-table');
      const { REVISION_FORMAT } = await import('../contract');
      const big = largeDesign(1000);
      const empty = { ...big, tables: [], enums: [] };
      const operations = diff(empty, big);
      const revision: Revision = {
        format: REVISION_FORMAT,
        id: 'a1b2c3d4e5f6',
        parent: null,
        message: 'a thousand tables',
        createdAt: '2026-01-01T00:00:00.000Z',
        operations,
        sql: renderMigrationSql(operations),
        schema: big,
      };
      const tables = async (db: { query: Queryable['query'] }) =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()`,
          )
        ).rows[0]!.n;
      await withTestDatabase('postgres', async (db) => {
        const up = await upgrade(db, [revision], 'head');
        expect(up.steps).toHaveLength(1);
        expect(await tables(db)).toBe(1001);
        expect(await currentRevision(db)).toBe(revision.id);
        try {
          await downgrade(db, [revision], 'base');
          expect(await tables(db)).toBe(1);
          expect(await currentRevision(db)).toBeNull();
        } catch (error) {
          expect((error as Error).message).toMatch(
            /rolled back whole and nothing was changed: set max_locks_per_transaction to at least \d+/,
          );
          expect(await tables(db)).toBe(1001);
          expect(await currentRevision(db)).toBe(revision.id);
        }
      });
    },
    300_000,
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
