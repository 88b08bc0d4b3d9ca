/**
 * Introspection reads a whole database in a fixed number of catalog queries: a database ten
 * times larger costs the same number of round trips, and each query's plan must use the
 * catalogs' indexes (a `pg_depend` lookup without `refclassid` scans the table per column).
 */
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { countedIntrospection } from '@retort/testing/query-count';
import { richSchemaSql } from '@retort/testing/rich-schema';
import { describe, expect, it } from 'vitest';
import { designFromCatalog } from './design-from-catalog';

describe.each(databaseTargets())('catalog queries on %s', (kind) => {
  it('are as many for 30 rich tables as for 3, and read every table', async () => {
    const counts: number[] = [];
    for (const tables of [3, 30]) {
      await withTestDatabase(kind, async (db) => {
        await db.exec(richSchemaSql(tables));
        const { queries, result } = await countedIntrospection(db);
        expect(result.unmodelled).toEqual([]);
        expect(designFromCatalog(result.catalog, 'rich').tables).toHaveLength(tables);
        counts.push(queries);
      });
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
