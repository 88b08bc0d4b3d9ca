/**
 * An independent reading of a schema straight from pg_catalog, as plain sorted JSON, for
 * tests that compare two databases: `expect(await dumpCatalog(a)).toEqual(await dumpCatalog(b))`.
 *
 * It deliberately shares nothing with Retort's own introspection, so a bug there cannot
 * hide the same bug here. What Postgres prints (`format_type`, `pg_get_expr`,
 * `pg_get_constraintdef`, `pg_get_indexdef`) is kept as printed, with two normalisations:
 * the schema qualification is stripped, and a `nextval(...)` default on a sequence the
 * column owns (SERIAL) reads `nextval(<owned sequence>)` with the sequence's own
 * settings beside it, so a SERIAL made by SQLAlchemy and one made by plain SQL compare equal.
 */
import pg from 'pg';

export interface DumpedSequence {
  type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
}

export interface DumpedColumn {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  /** `a` (ALWAYS) / `d` (BY DEFAULT) for identity columns, else null. */
  identity: string | null;
  /** `s` for a stored generated column, else null. */
  generated: string | null;
  /** The sequence this column owns and its default calls (SERIAL), else null. */
  ownedSequence: DumpedSequence | null;
  comment: string | null;
}

export interface DumpedConstraint {
  name: string;
  /** p, f, u, c, x as in pg_constraint.contype. */
  type: string;
  definition: string;
  deferrable: boolean;
  deferred: boolean;
  validated: boolean;
}

export interface DumpedIndex {
  name: string;
  definition: string;
  /** Absent when the index has no comment. */
  comment?: string;
}

export interface DumpedTable {
  name: string;
  comment: string | null;
  columns: DumpedColumn[];
  constraints: DumpedConstraint[];
  indexes: DumpedIndex[];
}

export interface DumpedCatalog {
  enums: { name: string; labels: string[] }[];
  tables: DumpedTable[];
  /** Sequences no column owns (an explicit `Sequence`, `CREATE SEQUENCE`). */
  /** Sequences that are no column's SERIAL, each with the column that owns it, if any. */
  sequences: ({ name: string; ownedBy: string | null } & DumpedSequence)[];
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `source` is a database URL (a connection is opened and closed) or an open client, which a
 * test reading the catalog many times keeps instead of connecting each time.
 */
export async function dumpCatalog(
  source: string | pg.ClientBase,
  schema = 'public',
): Promise<DumpedCatalog> {
  const own = typeof source === 'string' ? new pg.Client({ connectionString: source }) : null;
  if (own) await own.connect();
  const client = own ?? (source as pg.ClientBase);
  try {
    const qualified = new RegExp(
      `(?<![\\w"])(?:${escapeRegExp(schema)}|"${escapeRegExp(schema)}")\\.`,
      'g',
    );
    const strip = (text: string) => text.replace(qualified, '');

    const enums = await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
         FROM pg_type t
         JOIN pg_namespace n ON n.oid = t.typnamespace
         JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE n.nspname = $1
        GROUP BY t.typname`,
      [schema],
    );

    const tables = await client.query<{ oid: number; name: string; comment: string | null }>(
      `SELECT c.oid, c.relname AS name, obj_description(c.oid, 'pg_class') AS comment
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`,
      [schema],
    );

    const sequences = await client.query<{
      name: string;
      owner_table: number | null;
      owner_column: number | null;
      type: string;
      start: string;
      increment: string;
      min: string;
      max: string;
      cache: string;
      cycle: boolean;
    }>(
      `SELECT c.relname AS name, d.refobjid::int AS owner_table, d.refobjsubid AS owner_column,
              format_type(s.seqtypid, NULL) AS type, s.seqstart::text AS start,
              s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
              s.seqcache::text AS cache, s.seqcycle AS cycle
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_sequence s ON s.seqrelid = c.oid
         LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
              AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
        WHERE n.nspname = $1 AND c.relkind = 'S'`,
      [schema],
    );
    const settings = (s: (typeof sequences.rows)[number]): DumpedSequence => ({
      type: s.type,
      start: s.start,
      increment: s.increment,
      min: s.min,
      max: s.max,
      cache: s.cache,
      cycle: s.cycle,
    });

    const columns = await client.query<{
      table_oid: number;
      attnum: number;
      name: string;
      type: string;
      not_null: boolean;
      default: string | null;
      identity: string;
      generated: string;
      comment: string | null;
    }>(
      `SELECT a.attrelid::int AS table_oid, a.attnum, a.attname AS name,
              format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(ad.adbin, ad.adrelid) AS default, a.attidentity AS identity,
              a.attgenerated AS generated, col_description(a.attrelid, a.attnum) AS comment
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum`,
      [schema],
    );

    const constraints = await client.query<{
      table_oid: number;
      name: string;
      type: string;
      definition: string;
      deferrable: boolean;
      deferred: boolean;
      validated: boolean;
    }>(
      `SELECT co.conrelid::int AS table_oid, co.conname AS name, co.contype::text AS type,
              pg_get_constraintdef(co.oid) AS definition, co.condeferrable AS deferrable,
              co.condeferred AS deferred, co.convalidated AS validated
         FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
        WHERE n.nspname = $1 AND co.conrelid <> 0`,
      [schema],
    );

    const indexes = await client.query<{
      table_oid: number;
      name: string;
      definition: string;
      comment: string | null;
    }>(
      `SELECT i.indrelid::int AS table_oid, c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition,
              obj_description(i.indexrelid, 'pg_class') AS comment
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1`,
      [schema],
    );

    const serials = new Set<(typeof sequences.rows)[number]>();
    const ownerOf = (s: (typeof sequences.rows)[number]): string | null => {
      if (s.owner_table === null) return null;
      const table = tables.rows.find((t) => t.oid === s.owner_table);
      const column = columns.rows.find(
        (c) => c.table_oid === s.owner_table && c.attnum === s.owner_column,
      );
      return `${table?.name ?? s.owner_table}.${column?.name ?? s.owner_column}`;
    };
    const dumped: DumpedTable[] = tables.rows.map((table) => ({
      name: table.name,
      comment: table.comment,
      columns: columns.rows
        .filter((column) => column.table_oid === table.oid)
        .map((column) => {
          // Of the sequences a column owns, the SERIAL one is the one its default calls (an
          // identity column's, its own); any other is listed with the schema's sequences.
          let owned: (typeof sequences.rows)[number] | undefined;
          let def = column.default === null ? null : strip(column.default);
          for (const candidate of sequences.rows) {
            if (candidate.owner_table !== table.oid || candidate.owner_column !== column.attnum) {
              continue;
            }
            const pattern = new RegExp(
              `nextval\\('(?:"?${escapeRegExp(schema)}"?\\.)?"?${escapeRegExp(candidate.name)}"?'::regclass\\)`,
            );
            // An identity column's own sequence is read as its SERIAL one is.
            const called = def !== null && pattern.test(def);
            if (called || column.identity !== '') {
              owned = candidate;
              serials.add(candidate);
              if (called) def = def!.replace(pattern, 'nextval(<owned sequence>)');
              break;
            }
          }
          return {
            name: column.name,
            type: column.type,
            notNull: column.not_null,
            default: def,
            identity: column.identity === '' ? null : column.identity,
            generated: column.generated === '' ? null : column.generated,
            ownedSequence: owned ? settings(owned) : null,
            comment: column.comment,
          };
        }),
      constraints: constraints.rows
        .filter((constraint) => constraint.table_oid === table.oid)
        .map((constraint) => ({
          name: constraint.name,
          type: constraint.type,
          definition: strip(constraint.definition),
          deferrable: constraint.deferrable,
          deferred: constraint.deferred,
          validated: constraint.validated,
        }))
        .sort(byName),
      indexes: indexes.rows
        .filter((index) => index.table_oid === table.oid)
        .map((index) => ({
          name: index.name,
          definition: strip(index.definition),
          ...(index.comment === null ? {} : { comment: index.comment }),
        }))
        .sort(byName),
    }));

    return {
      enums: enums.rows.map((e) => ({ name: e.name, labels: e.labels })).sort(byName),
      tables: dumped.sort(byName),
      sequences: sequences.rows
        .filter((s) => !serials.has(s))
        .map((s) => ({ name: s.name, ...settings(s), ownedBy: ownerOf(s) }))
        .sort(byName),
    };
  } finally {
    await own?.end();
  }
}
