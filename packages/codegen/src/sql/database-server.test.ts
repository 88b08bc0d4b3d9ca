/**
 * The same claim as database.test.ts on the real PostgreSQL server, read back with the
 * independent `dumpCatalog`: after `emitSql(a)`, the upgrade of `diff(a, b)` builds the
 * catalog `emitSql(b)` builds fresh, and the downgrade gives back the catalog of `a`
 * (column order aside: Postgres appends every added column).
 */
import { type Design, diff } from '@retort/core';
import { createServerDatabase, serverUrl } from '@retort/testing';
import { arbDesign, arbDesignEdit } from '@retort/testing/arbitraries';
import { type DumpedCatalog, dumpCatalog } from '@retort/testing/pg-catalog';
import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { emitSql, renderMigrationSql } from '.';

// Shrinking would replay whole databases; a failure is reported as found.
const RUNS = { numRuns: Number(process.env.RETORT_DB_RUNS ?? 200), seed: 4243, endOnFailure: true };

const arbPair = arbDesign().chain((a) =>
  fc
    .integer({ min: 1, max: 3 })
    .chain((n) => {
      let arb: fc.Arbitrary<Design> = arbDesignEdit(a);
      for (let i = 1; i < n; i++) arb = arb.chain((d) => arbDesignEdit(d));
      return arb;
    })
    .map((b) => ({ a, b })),
);

const RESET = 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;';

const byName = <T extends { name: string }>(x: T, y: T) =>
  x.name < y.name ? -1 : x.name > y.name ? 1 : 0;

function unordered(catalog: DumpedCatalog): DumpedCatalog {
  return {
    ...catalog,
    tables: catalog.tables.map((t) => ({ ...t, columns: [...t.columns].sort(byName) })),
  };
}

describe.skipIf(!serverUrl())('migration SQL on the PostgreSQL server', () => {
  it('the upgrade builds the schema of b, the downgrade gives back a (dumpCatalog)', async () => {
    const database = await createServerDatabase('retort_sql');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const run = async (statements: string[]) => {
        for (const statement of statements) await client.query(statement);
      };
      const fresh = async (design: Design) => {
        await client.query(RESET);
        await client.query(emitSql(design));
        return unordered(await dumpCatalog(database.url));
      };
      await fc.assert(
        fc.asyncProperty(arbPair, async ({ a, b }) => {
          const expectedB = await fresh(b);
          const expectedA = await fresh(a);
          const sql = renderMigrationSql(diff(a, b));
          await run(sql.upgrade);
          expect(unordered(await dumpCatalog(database.url))).toEqual(expectedB);
          await run(sql.downgrade);
          expect(unordered(await dumpCatalog(database.url))).toEqual(expectedA);
        }),
        RUNS,
      );
    } finally {
      await client.end();
      await database.drop();
    }
  }, 600_000);
});
