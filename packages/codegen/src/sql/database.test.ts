/**
 * The SQL of every operation runs on a real Postgres (PGlite in memory, and the server
 * in database-server.test.ts): after `emitSql(a)`, the upgrade of `diff(a, b)` builds
 * the schema `emitSql(b)` builds fresh, and the downgrade gives back the schema of `a`.
 * Column order is left out of the comparison: Postgres appends every added column.
 */
import type { PGlite } from '@electric-sql/pglite';
import { freshPglite } from '@retort/testing/pglite';
import { describe, it } from 'vitest';
import { checkMigrationRoundTrip } from '../testing/migration-round-trip';

/** pg_catalog as PGlite sees it: types, nullability, defaults, constraints, indexes, comments. */
async function pgliteCatalog(db: PGlite): Promise<unknown> {
  const rows = async (sql: string) => (await db.query(sql)).rows;
  return {
    enums:
      await rows(`SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname ORDER BY 1`),
    columns: await rows(`SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
        a.attnotnull, regexp_replace(pg_get_expr(d.adbin, d.adrelid), 'nextval\\(''[^'']+''::regclass\\)', 'nextval(seq)') AS def,
        col_description(c.oid, a.attnum) AS comment, obj_description(c.oid, 'pg_class') AS table_comment
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY 1, 2`),
    constraints:
      await rows(`SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n' ORDER BY 1, 2`),
    indexes: await rows(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
    ),
  };
}

describe('migration SQL on PGlite', () => {
  it('the upgrade builds the schema of b, the downgrade gives back a', async () => {
    const db = await freshPglite();
    try {
      await checkMigrationRoundTrip(
        { exec: (sql) => db.exec(sql), catalog: () => pgliteCatalog(db) },
        4242,
      );
    } finally {
      await db.close();
    }
  }, 600_000);
});
