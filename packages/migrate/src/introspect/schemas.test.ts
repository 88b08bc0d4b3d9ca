/**
 * Schemas on a real Postgres (PGlite and the server): Retort's SQL builds tables and an enum
 * in `public`, `app` and `audit` with keys across them; introspection reads back the design's
 * catalog and the design itself; moves between schemas run both ways; the downgrade leaves
 * no schema behind.
 */
import { renderMigrationSql } from '@retort/codegen';
import { type Design, describeCatalogDifferences, diff, toCatalog } from '@retort/core';
import { schemasDesign } from '@retort/testing/schemas-design';
import { expect, it } from 'vitest';
import {
  describeOnEachDatabase,
  expectBuiltAndReadBack,
  expectDowngradeLeavesNothing,
} from '../testing/each-database';
import { expectStepBothWays } from '../testing/step-round-trip';
import { designFromCatalog } from './design-from-catalog';
import { introspect, introspectDatabase } from './introspect';

const empty = (d: Design): Design => ({ ...d, enums: [], tables: [] });

function edited(edit: (d: Design) => void): Design {
  const d = structuredClone(schemasDesign());
  edit(d);
  return d;
}

const MOVES: Array<[string, (d: Design) => void]> = [
  [
    'move a table to a schema that exists',
    (d) => {
      d.tables.find((t) => t.id === 't_orders')!.schema = 'audit';
    },
  ],
  [
    'move a table to a new schema, leaving its old one empty',
    (d) => {
      d.tables.find((t) => t.id === 't_events')!.schema = 'archive';
    },
  ],
  [
    'move a table out of public and rename it',
    (d) => {
      const t = d.tables.find((x) => x.id === 't_users')!;
      t.schema = 'audit';
      t.name = 'people';
    },
  ],
  [
    'move the enum to public',
    (d) => {
      delete d.enums[0]!.schema;
      const orders = d.tables.find((t) => t.id === 't_orders')!;
      orders.columns[2]!.type = 'order_status';
      orders.columns[3]!.type = 'order_status[]';
    },
  ],
];

describeOnEachDatabase('schemas', (db) => {
  it('Retort SQL builds them; introspection reads back the catalog and the design; the downgrade leaves nothing', async () => {
    const { sql, imported } = await expectBuiltAndReadBack(db(), schemasDesign(), 'schemas');
    expect(imported.tables.map((t) => `${t.schema ?? 'public'}.${t.name}`).sort()).toEqual([
      'app.orders',
      'app.users',
      'audit.events',
      'public.users',
    ]);
    expect(imported.enums).toEqual([
      {
        id: 'e_app_order_status',
        name: 'order_status',
        schema: 'app',
        values: ['new', 'paid', 'shipped'],
      },
    ]);
    // Only the chosen schemas are read.
    const app = await introspect(db(), { schemas: ['app'] });
    expect(app.tables.map((t) => t.name)).toEqual(['app.orders', 'app.users']);
    expect(app.schemas).toEqual(['app']);
    await expectDowngradeLeavesNothing(db(), sql);
    const left = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_namespace WHERE nspname IN ('app', 'audit')`,
    );
    expect(left.rows[0]!.n).toBe(0);
  });

  it.each(MOVES)('%s: the upgrade makes the new catalog, the downgrade the old', (_, edit) =>
    expectStepBothWays(db(), schemasDesign(), edited(edit)),
  );

  it('a comment on a schema is read back into the design, changed both ways, and a change behind Retort’s back is seen', async () => {
    const commented = edited((d) => {
      d.schemaComments = { app: 'What the application reads and writes' };
    });
    await expectStepBothWays(db(), schemasDesign(), commented);
    const sql = renderMigrationSql(diff(empty(commented), commented));
    for (const s of sql.upgrade) await db().exec(s);
    const read = await introspectDatabase(db());
    expect(read.catalog.schemaComments).toEqual({ app: 'What the application reads and writes' });
    expect(designFromCatalog(read.catalog, 'schemas').schemaComments).toEqual({
      app: 'What the application reads and writes',
    });
    await db().exec("COMMENT ON SCHEMA audit IS 'Who did what'");
    expect(describeCatalogDifferences(toCatalog(commented), await introspect(db()))).toEqual([
      'schema "audit" has comment "Who did what" in the database, null expected',
    ]);
    await expectDowngradeLeavesNothing(db(), sql);
  });
});
