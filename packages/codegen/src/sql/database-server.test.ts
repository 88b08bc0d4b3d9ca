/**
 * The same claim as database.test.ts on the real PostgreSQL server, read back with the
 * independent `dumpCatalog`: after `emitSql(a)`, the upgrade of `diff(a, b)` builds the
 * catalog `emitSql(b)` builds fresh, and the downgrade gives back the catalog of `a`
 * (column order aside: Postgres appends every added column).
 */
import { createServerDatabase, serverUrl } from '@retort/testing';
import { type DumpedCatalog, dumpCatalog } from '@retort/testing/pg-catalog';
import pg from 'pg';
import { describe, it } from 'vitest';
import { checkMigrationRoundTrip } from '../testing/migration-round-trip';

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
      await checkMigrationRoundTrip(
        {
          exec: (sql) => client.query(sql),
          catalog: async () => unordered(await dumpCatalog(client)),
        },
        4243,
      );
    } finally {
      await client.end();
      await database.drop();
    }
  }, 600_000);
});
