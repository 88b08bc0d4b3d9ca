/**
 * The claim behind canonicalExpression: a default or check written in a design and the text
 * Postgres' pg_get_expr reads back after storing it have the same canonical spelling.
 * Checked on PGlite always and on the PostgreSQL server when TEST_DATABASE_URL is set.
 */

import { createServerDatabase, serverUrl } from '@retort/testing';
import { everyFeatureDesign } from '@retort/testing/designs';
import { freshPglite } from '@retort/testing/pglite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { toCatalog } from '../catalog/from-design';
import type { Catalog } from '../catalog/types';
import { parseDesign } from '../design/parse';
import { serialTypeName } from '../design/type-names';
import { canonicalExpression, quoteIdentifier } from './canonical';

/** Extra defaults and checks people write, on a table of every common column type. */
const EXTRA = parseDesign({
  format: 'retort.design/5',
  name: 'expressions',
  enums: [{ id: 'e', name: 'order_status', values: ['new', 'paid'] }],
  tables: [
    {
      id: 't',
      name: 'samples',
      columns: [
        { id: 'c1', name: 'code', type: 'VARCHAR(10)', default: { sql: "'abc'" } },
        { id: 'c2', name: 'title', type: 'TEXT', default: { sql: "''" } },
        { id: 'c3', name: 'price', type: 'NUMERIC(10,2)', default: { sql: '9.95' } },
        { id: 'c4', name: 'qty', type: 'INTEGER', default: { sql: '-5' } },
        { id: 'c5', name: 'status', type: 'order_status', default: { sql: "'paid'" } },
        { id: 'c6', name: 'tags', type: 'TEXT[]', default: { sql: 'ARRAY[]::text[]' } },
        { id: 'c7', name: 'born', type: 'DATE', default: { sql: "'2020-01-01'" } },
        { id: 'c8', name: 'at', type: 'TIMESTAMPTZ', default: { sql: "timezone('utc', now())" } },
        { id: 'c9', name: 'ratio', type: 'DOUBLE PRECISION', default: { sql: '0.5' } },
        { id: 'c10', name: 'flag', type: 'BOOLEAN', default: { sql: 'FALSE' } },
        { id: 'c11', name: 'data', type: 'JSONB', default: { sql: "'[]'" } },
        { id: 'c12', name: 'small', type: 'SMALLINT', default: { sql: '1' } },
        {
          id: 'c13',
          name: 'local_at',
          type: 'TIMESTAMP',
          default: { sql: "now() AT TIME ZONE 'utc'" },
        },
        { id: 'c14', name: 'note', type: 'TEXT', default: { sql: "E'it\\'s \\\\ here'" } },
        { id: 'c15', name: 'dollars', type: 'TEXT', default: { sql: "$q$it's$q$" } },
        { id: 'c16', name: 'known', type: 'BOOLEAN', default: { sql: 'now() IS NOT NULL' } },
      ],
      checks: [
        { id: 'k1', name: 'samples_code_len', expression: 'length(code) > 0' },
        { id: 'k2', name: 'samples_code_in', expression: "code IN ('abc', 'def')" },
        { id: 'k3', name: 'samples_status_in', expression: "status IN ('new', 'paid')" },
        { id: 'k4', name: 'samples_title', expression: "title <> '' OR title IS NULL" },
        { id: 'k5', name: 'samples_qty', expression: 'qty BETWEEN -10 AND 10' },
        { id: 'k6', name: 'samples_price', expression: 'price > 0 AND NOT (price > 1000)' },
        { id: 'k7', name: 'samples_code_like', expression: "code LIKE 'a%'" },
        { id: 'k8', name: 'samples_ratio', expression: 'ratio < 1.5' },
        { id: 'k9', name: 'samples_one', expression: "status IN ('new')" },
        { id: 'k10', name: 'samples_lower', expression: 'lower(title) = title' },
        { id: 'k11', name: 'samples_distinct', expression: "title IS DISTINCT FROM 'x'" },
        { id: 'k12', name: 'samples_collate', expression: 'title COLLATE "C" > \'a\'' },
        { id: 'k13', name: 'samples_recent', expression: "at > now() - interval '1 day'" },
        { id: 'k14', name: 'samples_same', expression: 'qty IS NOT DISTINCT FROM 1' },
        {
          id: 'k15',
          name: 'samples_zone',
          expression: "at AT TIME ZONE 'utc' > '2000-01-01'::timestamp",
        },
      ],
    },
  ],
});

/** Tables with their columns, defaults and checks only: enough for Postgres to store the expressions. */
function ddl(catalog: Catalog): string {
  const q = quoteIdentifier;
  const statements = catalog.enums.map(
    (e) => `CREATE TYPE ${q(e.name)} AS ENUM (${e.values.map((v) => `'${v}'`).join(', ')})`,
  );
  for (const table of catalog.tables) {
    const lines = table.columns.map((c) => {
      const type = c.autoincrement ? serialTypeName(c.type)! : c.type;
      return `${q(c.name)} ${type}${c.default === null ? '' : ` DEFAULT ${c.default}`}`;
    });
    for (const check of table.checks)
      lines.push(`CONSTRAINT ${q(check.name)} CHECK (${check.expression})`);
    statements.push(`CREATE TABLE ${q(table.name)} (\n  ${lines.join(',\n  ')}\n)`);
  }
  return `${statements.join(';\n')};`;
}

const READ_BACK = `
  SELECT c.relname AS table, a.attname AS name, pg_get_expr(d.adbin, d.adrelid) AS sql, 'default' AS kind
  FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid
  JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
  WHERE c.relnamespace = 'public'::regnamespace AND pg_get_expr(d.adbin, d.adrelid) NOT LIKE 'nextval(%'
  UNION ALL
  SELECT c.relname, k.conname, pg_get_expr(k.conbin, k.conrelid), 'check'
  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
  WHERE k.contype = 'c' AND c.relnamespace = 'public'::regnamespace`;

interface Stored {
  table: string;
  name: string;
  sql: string;
  kind: string;
}

function compare(catalog: Catalog, stored: Stored[]): void {
  const expected: string[] = [];
  const actual: string[] = [];
  for (const table of catalog.tables) {
    const columns = Object.fromEntries(table.columns.map((c) => [c.name, c.type]));
    for (const c of table.columns) {
      if (c.default !== null) expected.push(`${table.name}.${c.name} default ${c.default}`);
    }
    for (const k of table.checks) expected.push(`${table.name}.${k.name} check ${k.expression}`);
    for (const row of stored.filter((r) => r.table === table.name)) {
      actual.push(
        `${row.table}.${row.name} ${row.kind} ${canonicalExpression(row.sql, {
          columns,
          ...(row.kind === 'default' ? { role: 'default' as const } : {}),
        })}`,
      );
    }
  }
  expect(actual.sort()).toEqual(expected.sort());
}

const DESIGNS = [
  ['the every-feature design', toCatalog(parseDesign(everyFeatureDesign))],
  ['common defaults and checks', toCatalog(EXTRA)],
] as const;

describe('canonical expressions survive a round trip through Postgres', () => {
  it.each(DESIGNS)('%s on PGlite', async (_, catalog) => {
    const db = await freshPglite();
    try {
      await db.exec(ddl(catalog));
      const stored = await db.query<Stored>(READ_BACK);
      compare(catalog, stored.rows);
    } finally {
      await db.close();
    }
  });

  it.skipIf(!serverUrl()).each(DESIGNS)('%s on the PostgreSQL server', async (_, catalog) => {
    const database = await createServerDatabase();
    const client = new pg.Client({ connectionString: database.url });
    try {
      await client.connect();
      await client.query(ddl(catalog));
      const stored = await client.query<Stored>(READ_BACK);
      compare(catalog, stored.rows);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
