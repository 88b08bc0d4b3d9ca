/**
 * toCatalog against Postgres itself: designs are created with unnamed constraints left
 * unnamed (Postgres picks the names), then the names, types (read back with format_type and
 * put through normalizeType) and expressions are compared with the catalog. Runs on PGlite,
 * and on the PostgreSQL server when TEST_DATABASE_URL is set; generated designs included,
 * which also shows that arbDesign's designs are valid to Postgres.
 */

import { createServerDatabase, serverUrl } from '@retort/testing';
import { arbDesign } from '@retort/testing/arbitraries';
import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { freshPglite } from '@retort/testing/pglite';
import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { normalizeType, serialTypeName } from '../design/type-names';
import type { Design } from '../design/types';
import { canonicalExpression, quoteIdentifier as q } from '../expression/canonical';
import { toCatalog } from './from-design';

/** DDL that names only what the design names, in the order a CREATE script meets things. */
function ddl(design: Design): string[] {
  const out = design.enums.map(
    (e) =>
      `CREATE TYPE ${q(e.name)} AS ENUM (${e.values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`,
  );
  const later: string[] = [];
  for (const table of design.tables) {
    const name = (id: string) => q(table.columns.find((c) => c.id === id)!.name);
    const lines = table.columns.map((c) => {
      const type = c.autoincrement ? serialTypeName(c.type)! : c.type;
      return [
        q(c.name),
        type,
        c.nullable ? '' : 'NOT NULL',
        c.default ? `DEFAULT ${c.default.sql}` : '',
        c.unique ? 'UNIQUE' : '',
      ]
        .filter(Boolean)
        .join(' ');
    });
    const pk = table.columns.filter((c) => c.primaryKey);
    if (pk.length > 0) lines.push(`PRIMARY KEY (${pk.map((c) => q(c.name)).join(', ')})`);
    for (const u of table.uniques) {
      lines.push(
        `${u.name ? `CONSTRAINT ${q(u.name)} ` : ''}UNIQUE (${u.columns.map(name).join(', ')})`,
      );
    }
    for (const k of table.checks) {
      lines.push(`${k.name ? `CONSTRAINT ${q(k.name)} ` : ''}CHECK (${k.expression})`);
    }
    out.push(`CREATE TABLE ${q(table.name)} (\n  ${lines.join(',\n  ')}\n)`);
    for (const fk of table.foreignKeys) {
      const target = design.tables.find((t) => t.id === fk.references.table)!;
      const refName = (id: string) => q(target.columns.find((c) => c.id === id)!.name);
      later.push(
        `ALTER TABLE ${q(table.name)} ADD ${fk.name ? `CONSTRAINT ${q(fk.name)} ` : ''}FOREIGN KEY (${fk.columns.map(name).join(', ')}) REFERENCES ${q(target.name)} (${fk.references.columns.map(refName).join(', ')})${fk.onDelete ? ` ON DELETE ${fk.onDelete}` : ''}${fk.onUpdate ? ` ON UPDATE ${fk.onUpdate}` : ''}`,
      );
    }
  }
  for (const table of design.tables) {
    const name = (id: string) => q(table.columns.find((c) => c.id === id)!.name);
    for (const i of table.indexes) {
      later.push(
        `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX ${i.name ? q(i.name) : ''} ON ${q(table.name)} (${i.columns.map(name).join(', ')})`,
      );
    }
  }
  return [...out, ...later];
}

const READ_BACK = `
  SELECT 'column' AS kind, c.relname AS table, a.attname AS name,
         format_type(a.atttypid, a.atttypmod) AS detail, a.attnotnull AS flag,
         pg_get_expr(d.adbin, d.adrelid) AS expr
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL
  SELECT 'constraint', c.relname, k.conname, k.contype::text, false, pg_get_expr(k.conbin, k.conrelid)
  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
  WHERE c.relnamespace = 'public'::regnamespace AND k.contype IN ('p', 'u', 'f', 'c')
  UNION ALL
  SELECT 'index', c.relname, i.relname, '', false, NULL
  FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
  WHERE c.relnamespace = 'public'::regnamespace
    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u'))`;

interface Row {
  kind: string;
  table: string;
  name: string;
  detail: string;
  flag: boolean;
  expr: string | null;
}

function describeDesign(design: Design): string[] {
  const catalog = toCatalog(design);
  return catalog.tables.flatMap((t) => [
    ...t.columns.map(
      (c) =>
        `${t.name}.${c.name} ${c.type}${c.nullable ? '' : ' NOT NULL'}${c.default === null ? '' : ` DEFAULT ${c.default}`}`,
    ),
    ...(t.primaryKey ? [`${t.name} p ${t.primaryKey.name}`] : []),
    ...t.uniques.map((u) => `${t.name} u ${u.name}`),
    ...t.foreignKeys.map((f) => `${t.name} f ${f.name}`),
    ...t.checks.map((k) => `${t.name} c ${k.name} ${k.expression}`),
    ...t.indexes.map((i) => `${t.name} index ${i.name}`),
  ]);
}

function describeDatabase(design: Design, rows: Row[]): string[] {
  const enumNames = design.enums.map((e) => e.name);
  const columnsOf = (table: string) =>
    Object.fromEntries(
      rows
        .filter((r) => r.kind === 'column' && r.table === table)
        .map((r) => [r.name, normalizeType(r.detail.replaceAll('"', ''), enumNames) ?? r.detail]),
    );
  return rows.map((r) => {
    const columns = columnsOf(r.table);
    if (r.kind === 'column') {
      const serial = r.expr?.startsWith('nextval(');
      const def =
        r.expr === null || serial ? '' : ` DEFAULT ${canonicalExpression(r.expr, { columns })}`;
      return `${r.table}.${r.name} ${columns[r.name]}${r.flag ? ' NOT NULL' : ''}${def}`;
    }
    if (r.kind === 'index') return `${r.table} index ${r.name}`;
    const expr = r.detail === 'c' ? ` ${canonicalExpression(r.expr!, { columns })}` : '';
    return `${r.table} ${r.detail} ${r.name}${expr}`;
  });
}

interface Target {
  run(statements: string[]): Promise<Row[]>;
  close(): Promise<void>;
}

async function pglite(): Promise<Target> {
  const db = await freshPglite();
  return {
    async run(statements) {
      await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      for (const statement of statements) await db.exec(statement);
      return (await db.query<Row>(READ_BACK)).rows;
    },
    close: () => db.close(),
  };
}

async function server(): Promise<Target> {
  const database = await createServerDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    async run(statements) {
      await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      for (const statement of statements) await client.query(statement);
      return (await client.query<Row>(READ_BACK)).rows;
    },
    async close() {
      await client.end();
      await database.drop();
    },
  };
}

async function agree(target: Target, design: Design): Promise<void> {
  const rows = await target.run(ddl(design));
  expect(describeDatabase(design, rows).sort()).toEqual(describeDesign(design).sort());
}

const generated = fc.sample(arbDesign(), { numRuns: 40, seed: 20261125 });

describe.each([
  ['PGlite', pglite, true],
  ['the PostgreSQL server', server, !!serverUrl()],
] as const)('toCatalog agrees with %s', (_, open, enabled) => {
  it.skipIf(!enabled)(
    'on the shop, the every-feature design and 40 generated designs',
    async () => {
      const target = await open();
      try {
        await agree(target, loadShopDesign());
        await agree(target, everyFeatureDesign);
        for (const design of generated) await agree(target, design);
      } finally {
        await target.close();
      }
    },
  );
});
