/**
 * pg_catalog back into a Catalog: the same name-based view `toCatalog` gives a design, so
 * the two compare with `catalogsEqual`. `alembic_version` is the migration tool's, not the
 * schema's, and is left out.
 */
import {
  type Catalog,
  type CatalogTable,
  canonicalExpression,
  normalizeType,
  type ReferentialAction,
  RetortError,
} from '@retort/core';
import type { Queryable } from '../contract';

const byName = <T extends { name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** Postgres arrays of names come back as arrays from pg and PGlite alike when cast to text[]. */
const names = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

export async function introspect(db: Queryable, schema = 'public'): Promise<Catalog> {
  const enumRows = (
    await db.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)::text[] AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $1 GROUP BY t.typname`,
      [schema],
    )
  ).rows;
  const enums = enumRows.map((r) => ({ name: r.name, values: names(r.labels) })).sort(byName);
  const enumNames = enums.map((e) => e.name);

  const tableRows = (
    await db.query<{ oid: number; name: string; comment: string | null }>(
      `SELECT c.oid::int AS oid, c.relname AS name, obj_description(c.oid, 'pg_class') AS comment
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> 'alembic_version'`,
      [schema],
    )
  ).rows;

  const columnRows = (
    await db.query<{
      table: number;
      name: string;
      type: string;
      notnull: boolean;
      default: string | null;
      comment: string | null;
      owned_sequence: boolean;
    }>(
      `SELECT a.attrelid::int AS table, a.attname AS name,
              format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
              pg_get_expr(d.adbin, d.adrelid) AS default,
              col_description(a.attrelid, a.attnum) AS comment,
              EXISTS (SELECT 1 FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid
                       WHERE dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum
                         AND s.relkind = 'S' AND dep.deptype IN ('a', 'i')) AS owned_sequence
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum`,
      [schema],
    )
  ).rows;

  const constraintRows = (
    await db.query<{
      table: number;
      name: string;
      type: string;
      columns: string[];
      ref_table: string | null;
      ref_columns: string[] | null;
      on_delete: string;
      on_update: string;
      definition: string;
      index: number;
    }>(
      `SELECT k.conrelid::int AS table, k.conname AS name, k.contype::text AS type,
              ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS u(n, i)
                      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
              r.relname AS ref_table,
              ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS u(n, i)
                      JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS ref_columns,
              k.confdeltype::text AS on_delete, k.confupdtype::text AS on_update,
              pg_get_constraintdef(k.oid) AS definition, k.conindid::int AS index
         FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_class r ON r.oid = k.confrelid
        WHERE n.nspname = $1 AND k.contype IN ('p', 'f', 'u', 'c')`,
      [schema],
    )
  ).rows;

  const indexRows = (
    await db.query<{
      table: number;
      oid: number;
      name: string;
      unique: boolean;
      columns: string[];
      expressions: boolean;
    }>(
      `SELECT i.indrelid::int AS table, i.indexrelid::int AS oid, x.relname AS name, i.indisunique AS unique,
              ARRAY(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY AS u(n, k)
                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.n ORDER BY u.k) AS columns,
              (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL) AS expressions
         FROM pg_index i
         JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_namespace n ON n.oid = x.relnamespace
        WHERE n.nspname = $1
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))`,
      [schema],
    )
  ).rows;

  const tables: CatalogTable[] = tableRows.map((t) => {
    const where = (tableOid: number) => tableOid === t.oid;
    const columnTypes: Record<string, string> = {};
    const columns = columnRows
      .filter((c) => where(c.table))
      .map((c) => {
        const type = normalizeType(c.type, enumNames);
        if (type === null) {
          throw new RetortError(
            `Column ${t.name}.${c.name} has type ${c.type}, which Retort does not model.`,
            'invalid_input',
            { table: t.name, column: c.name, type: c.type },
          );
        }
        columnTypes[c.name] = type;
        const serial = c.owned_sequence && c.default !== null && /^nextval\(/i.test(c.default);
        return {
          name: c.name,
          type,
          nullable: !c.notnull,
          // Canonicalised below, once every column's type is known.
          default: serial ? null : c.default,
          autoincrement: serial,
          comment: c.comment,
        };
      });
    for (const column of columns) {
      if (column.default !== null) {
        column.default = canonicalExpression(column.default, { columns: columnTypes });
      }
    }
    const constraints = constraintRows.filter((k) => where(k.table));
    const pk = constraints.find((k) => k.type === 'p');
    return {
      name: t.name,
      comment: t.comment,
      columns,
      primaryKey: pk ? { name: pk.name, columns: names(pk.columns) } : null,
      foreignKeys: constraints
        .filter((k) => k.type === 'f')
        .map((k) => ({
          name: k.name,
          columns: names(k.columns),
          refTable: k.ref_table ?? '',
          refColumns: names(k.ref_columns),
          onDelete: ACTIONS[k.on_delete] ?? 'NO ACTION',
          onUpdate: ACTIONS[k.on_update] ?? 'NO ACTION',
        }))
        .sort(byName),
      uniques: constraints
        .filter((k) => k.type === 'u')
        .map((k) => ({ name: k.name, columns: names(k.columns) }))
        .sort(byName),
      indexes: indexRows
        .filter((i) => where(i.table) && !i.expressions)
        .map((i) => ({ name: i.name, columns: names(i.columns), unique: i.unique }))
        .sort(byName),
      checks: constraints
        .filter((k) => k.type === 'c')
        .map((k) => ({
          name: k.name,
          expression: canonicalExpression(checkBody(k.definition), { columns: columnTypes }),
        }))
        .sort(byName),
    };
  });
  return { enums, tables: tables.sort(byName) };
}

/** `CHECK ((price > 0))` -> `(price > 0)`; `NOT VALID` and `NO INHERIT` are not part of it. */
function checkBody(definition: string): string {
  const match = /^CHECK\s*\(([\s\S]*)\)(?:\s+NO INHERIT)?(?:\s+NOT VALID)?$/i.exec(
    definition.trim(),
  );
  return match ? match[1]! : definition;
}
