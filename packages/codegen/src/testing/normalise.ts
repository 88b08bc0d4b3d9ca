/**
 * The few things a tool cannot say, taken out of a dumped catalog before comparing, each
 * explicitly and on both sides. Everything else must be equal as Postgres prints it.
 */
import type { DumpedCatalog } from '@retort/testing/pg-catalog';

/**
 * drizzle-orm has no way to declare a table or column comment (`COMMENT ON`), so a schema
 * made by drizzle-kit has none.
 */
export function withoutComments(catalog: DumpedCatalog): DumpedCatalog {
  return {
    ...catalog,
    tables: catalog.tables.map((t) => ({
      ...t,
      comment: null,
      columns: t.columns.map((c) => ({ ...c, comment: null })),
    })),
  };
}

/**
 * TypeORM requires a primary key on every entity, so a table without one has no entity
 * and TypeORM does not create it (nor, then, an enum only that table uses).
 */
export function withoutTablesLackingPrimaryKey(catalog: DumpedCatalog): DumpedCatalog {
  const dropped = new Set(
    catalog.tables.filter((t) => !t.constraints.some((c) => c.type === 'p')).map((t) => t.name),
  );
  const tables = catalog.tables
    .filter((t) => !dropped.has(t.name))
    .map((t) => ({
      ...t,
      constraints: t.constraints.filter(
        (c) =>
          c.type !== 'f' ||
          ![...dropped].some((name) => c.definition.includes(`REFERENCES ${name}(`)),
      ),
    }));
  const usedTypes = new Set(
    tables.flatMap((t) => t.columns.map((c) => c.type.replace(/\[\]$/, ''))),
  );
  return { ...catalog, tables, enums: catalog.enums.filter((e) => usedTypes.has(e.name)) };
}

/**
 * TypeORM rewrites a default of exactly `CURRENT_TIMESTAMP` to `now()` and `CURRENT_DATE`
 * to `('now'::text)::date` (PostgresDriver.normalizeDefault) before it writes the DDL: the
 * same values, spelled differently. Both sides are brought to TypeORM's spelling.
 */
export function withTypeormDefaultSpelling(catalog: DumpedCatalog): DumpedCatalog {
  const spell = (value: string | null): string | null =>
    value === 'CURRENT_TIMESTAMP'
      ? 'now()'
      : value === 'CURRENT_DATE'
        ? "('now'::text)::date"
        : value;
  return {
    ...catalog,
    tables: catalog.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) => ({ ...c, default: spell(c.default) })),
    })),
  };
}

/**
 * TypeORM's identity options are only ALWAYS or BY DEFAULT: an identity's sequence options
 * (`START WITH`, `CACHE`, …) cannot be declared, and the generated entity says so in a
 * comment. The identity itself stays compared.
 */
export function withoutIdentitySequenceOptions(catalog: DumpedCatalog): DumpedCatalog {
  return {
    ...catalog,
    tables: catalog.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) => (c.identity === null ? c : { ...c, ownedSequence: null })),
    })),
  };
}
