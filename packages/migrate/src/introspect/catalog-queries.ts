/**
 * The catalog queries introspection runs: a fixed set, each over every chosen schema at once,
 * so reading a database costs the same number of round trips whatever its size. Objects that
 * belong to an extension (`pg_depend` deptype `e`) are the extension's, never listed on their
 * own. Columns that only some Postgres versions have are read through `to_jsonb(row)`.
 */

export const SCHEMAS = `
  SELECT n.nspname AS name, obj_description(n.oid, 'pg_namespace') AS comment
    FROM pg_namespace n
   WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass
                       AND d.objid = n.oid AND d.deptype = 'e')
   ORDER BY n.nspname`;

const NOT_EXTENSION_MEMBER = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend xd WHERE xd.classid = '${catalog}'::regclass AND xd.objid = ${oid} AND xd.deptype = 'e')`;

export interface RelationRow {
  oid: number;
  schema: string;
  name: string;
  kind: string;
  persistence: string;
  partition: boolean;
  rls: boolean;
  force_rls: boolean;
  options: string[] | null;
  comment: string | null;
  parents: string | null;
  /** A partitioned table's key as `pg_get_partkeydef` prints it. */
  partition_key: string | null;
  /** A partition's parent and bound. */
  partition_parent: number | null;
  partition_bound: string | null;
  /** For a sequence: `a` when a column owns it (SERIAL, OWNED BY), `i` for an identity's. */
  owned: string | null;
  seq_type: string | null;
  seq_start: string | null;
  seq_increment: string | null;
  seq_min: string | null;
  seq_max: string | null;
  seq_cache: string | null;
  seq_cycle: boolean | null;
}

export const RELATIONS = `
  SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
         c.relpersistence::text AS persistence, c.relispartition AS partition,
         c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls,
         c.reloptions::text[] AS options, obj_description(c.oid, 'pg_class') AS comment,
         (SELECT string_agg(pn.nspname || '.' || p.relname, ', ' ORDER BY i.inhseqno)
            FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
            JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid) AS parents,
         CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
         CASE WHEN c.relispartition
              THEN (SELECT i.inhparent::int FROM pg_inherits i WHERE i.inhrelid = c.oid) END AS partition_parent,
         CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
         (SELECT d.deptype::text FROM pg_depend d
           WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
             AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1) AS owned,
         format_type(s.seqtypid, NULL) AS seq_type, s.seqstart::text AS seq_start,
         s.seqincrement::text AS seq_increment, s.seqmin::text AS seq_min,
         s.seqmax::text AS seq_max, s.seqcache::text AS seq_cache, s.seqcycle AS seq_cycle
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_sequence s ON s.seqrelid = c.oid
   WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
     AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}`;

export interface ColumnRow {
  table: number;
  name: string;
  type: string;
  /** The element type's schema and name for an array, else the type's own. */
  type_schema: string;
  type_name: string;
  /** `b` base, `e` enum, `d` domain, `c` composite, `r` range, `m` multirange, `p` pseudo. */
  type_kind: string;
  array: boolean;
  notnull: boolean;
  default: string | null;
  identity: string;
  generated: string;
  collation: string | null;
  comment: string | null;
  /** The sequences the column owns (`pg_depend` deptype `a`): a SERIAL's, and any `OWNED BY` it. */
  owned_sequences: number[];
  /** The identity's own sequence (`pg_depend` deptype `i`), for an identity column. */
  identity_sequence: number | null;
  local: boolean;
}

export const COLUMNS = `
  SELECT a.attrelid::int AS table, a.attname AS name,
         format_type(a.atttypid, a.atttypmod) AS type,
         en.nspname AS type_schema, et.typname AS type_name, et.typtype::text AS type_kind,
         (t.typelem <> 0 AND t.typcategory = 'A') AS array,
         a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS default,
         a.attidentity::text AS identity, a.attgenerated::text AS generated,
         CASE WHEN a.attcollation <> t.typcollation
              THEN (SELECT co.collname FROM pg_collation co WHERE co.oid = a.attcollation) END AS collation,
         col_description(a.attrelid, a.attnum) AS comment,
         ARRAY(SELECT dep.objid::int FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid
           WHERE dep.refclassid = 'pg_class'::regclass AND dep.refobjid = a.attrelid
             AND dep.refobjsubid = a.attnum AND dep.classid = 'pg_class'::regclass
             AND s.relkind = 'S' AND dep.deptype = 'a' ORDER BY dep.objid) AS owned_sequences,
         (SELECT dep.objid::int FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid
           WHERE dep.refclassid = 'pg_class'::regclass AND dep.refobjid = a.attrelid
             AND dep.refobjsubid = a.attnum AND dep.classid = 'pg_class'::regclass
             AND s.relkind = 'S' AND dep.deptype = 'i' LIMIT 1) AS identity_sequence,
         a.attislocal AS local
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    JOIN pg_type et ON et.oid = CASE WHEN t.typelem <> 0 AND t.typcategory = 'A' THEN t.typelem ELSE t.oid END
    JOIN pg_namespace en ON en.oid = et.typnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
   ORDER BY a.attrelid, a.attnum`;

export interface ConstraintRow {
  table: number;
  name: string;
  type: string;
  columns: string[];
  ref_table: number | null;
  ref_columns: string[] | null;
  on_delete: string;
  on_update: string;
  match: string;
  deferrable: boolean;
  deferred: boolean;
  validated: boolean;
  local: boolean;
  /** The constraint of a partitioned table this one is the copy of, on a partition (or 0). */
  parent_constraint: number;
  definition: string;
  comment: string | null;
  /** An exclusion constraint's operators in element order, schema-qualified outside pg_catalog and public. */
  operators: string[] | null;
}

export const CONSTRAINTS = `
  SELECT k.conrelid::int AS table, k.conname AS name, k.contype::text AS type,
         ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS u(n, i)
                 JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
         NULLIF(k.confrelid, 0)::int AS ref_table,
         ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS u(n, i)
                 JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS ref_columns,
         k.confdeltype::text AS on_delete, k.confupdtype::text AS on_update,
         k.confmatchtype::text AS match, k.condeferrable AS deferrable, k.condeferred AS deferred,
         k.convalidated AS validated, k.conislocal AS local,
         k.conparentid::int AS parent_constraint,
         pg_get_constraintdef(k.oid) AS definition,
         obj_description(k.oid, 'pg_constraint') AS comment,
         CASE WHEN k.contype = 'x' THEN ARRAY(
           SELECT CASE WHEN opn.nspname IN ('pg_catalog', 'public') THEN o.oprname::text
                       ELSE opn.nspname || '.' || o.oprname END
             FROM unnest(k.conexclop) WITH ORDINALITY AS u(o, i)
             JOIN pg_operator o ON o.oid = u.o JOIN pg_namespace opn ON opn.oid = o.oprnamespace
            ORDER BY u.i) END AS operators
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ANY($1::text[]) AND k.contype IN ('p', 'f', 'u', 'c', 'x')`;

export interface IndexRow {
  table: number;
  name: string;
  unique: boolean;
  /** Key columns then INCLUDE columns; null where a key is an expression. */
  columns: (string | null)[];
  key_count: number;
  expressions: boolean;
  partial: boolean;
  method: string;
  ordered: boolean;
  opclasses: string[];
  nulls_not_distinct: boolean;
  valid: boolean;
  definition: string;
  comment: string | null;
  /** Backs a primary key, unique or exclusion constraint (those are read as constraints). */
  constraint: boolean;
  /** Per key: the column or expression as Postgres prints it alone. */
  key_definitions: string[];
  /** Per key: `indoption` bits (1 DESC, 2 NULLS FIRST), as text. */
  key_options: string[];
  /** Per key: a non-default operator class, or ''. */
  key_opclasses: string[];
  /** Per key: a collation other than the key's own, or ''. */
  key_collations: string[];
  predicate: string | null;
  /** Whether the index is attached to an index of the table's partitioned parent. */
  attached: boolean;
}

export const INDEXES = `
  SELECT i.indrelid::int AS table, x.relname AS name, i.indisunique AS unique,
         ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS u(n, k)
                 LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.n ORDER BY u.k) AS columns,
         i.indnkeyatts::int AS key_count,
         i.indexprs IS NOT NULL AS expressions, i.indpred IS NOT NULL AS partial,
         am.amname AS method,
         EXISTS (SELECT 1 FROM unnest(i.indoption::int2[]) o WHERE o <> 0) AS ordered,
         ARRAY(SELECT oc.opcname::text FROM unnest(i.indclass::oid[]) AS u(o)
                 JOIN pg_opclass oc ON oc.oid = u.o WHERE NOT oc.opcdefault) AS opclasses,
         COALESCE((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct,
         i.indisvalid AS valid, pg_get_indexdef(i.indexrelid) AS definition,
         obj_description(i.indexrelid, 'pg_class') AS comment,
         EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid
                   AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')) AS constraint,
         ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, false)
                 FROM generate_series(1, i.indnkeyatts::int) AS k ORDER BY k) AS key_definitions,
         ARRAY(SELECT u.o::text FROM unnest(i.indoption::int2[]) WITH ORDINALITY AS u(o, k)
                ORDER BY u.k) AS key_options,
         ARRAY(SELECT CASE WHEN oc.opcdefault THEN ''
                           WHEN ocn.nspname IN ('pg_catalog', 'public') THEN oc.opcname::text
                           ELSE ocn.nspname || '.' || oc.opcname END
                 FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS u(o, k)
                 JOIN pg_opclass oc ON oc.oid = u.o JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
                ORDER BY u.k) AS key_opclasses,
         ARRAY(SELECT COALESCE((SELECT co.collname::text FROM pg_collation co
                                 WHERE co.oid = u.c AND u.c <> 0
                                   -- A hash index keeps int4 codes: its key's type tells nothing.
                                   AND NOT (ka.attnum IS NULL AND u.c = 100)
                                   AND u.c <> COALESCE(NULLIF(ka.attcollation, 0),
                                                       (SELECT kt.typcollation FROM pg_type kt
                                                         WHERE kt.oid = xa.atttypid), 0)), '')
                 FROM unnest(i.indcollation::oid[]) WITH ORDINALITY AS u(c, k)
                 LEFT JOIN pg_attribute xa ON xa.attrelid = i.indexrelid AND xa.attnum = u.k
                 LEFT JOIN pg_attribute ka ON ka.attrelid = i.indrelid
                       AND ka.attnum = (i.indkey::int2[])[u.k - 1] AND ka.attnum > 0
                ORDER BY u.k) AS key_collations,
         pg_get_expr(i.indpred, i.indrelid) AS predicate,
         EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid) AS attached
    FROM pg_index i
    JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_namespace n ON n.oid = x.relnamespace
    JOIN pg_am am ON am.oid = x.relam
   WHERE n.nspname = ANY($1::text[]) AND ${NOT_EXTENSION_MEMBER('pg_class', 'i.indrelid')}`;

export interface TypeRow {
  schema: string;
  name: string;
  kind: string;
  labels: string[] | null;
  comment: string | null;
  /** A domain's base type with its modifiers, as `format_type` prints it. */
  base: string | null;
  /** A domain's collation, when not its base type's. */
  collation: string | null;
  /** A domain's default expression, as `pg_get_expr` prints it. */
  default: string | null;
  notnull: boolean;
  /** A domain's checks: `pg_get_constraintdef` of each. */
  checks: { name: string; definition: string; validated: boolean }[] | null;
  /** A composite type's attributes in order. */
  attributes: { name: string; type: string; collation: string | null }[] | null;
}

/** User types: enums, domains, composite, range and base types (not arrays, not table rows). */
export const TYPES = `
  SELECT n.nspname AS schema, t.typname AS name, t.typtype::text AS kind,
         CASE WHEN t.typtype = 'e' THEN ARRAY(SELECT e.enumlabel::text FROM pg_enum e
                WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) END AS labels,
         obj_description(t.oid, 'pg_type') AS comment,
         CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base,
         CASE WHEN t.typtype = 'd' AND t.typcollation <> 0 AND t.typcollation <>
                   (SELECT bt.typcollation FROM pg_type bt WHERE bt.oid = t.typbasetype)
              THEN (SELECT co.collname FROM pg_collation co WHERE co.oid = t.typcollation) END
           AS collation,
         pg_get_expr(t.typdefaultbin, 0) AS default,
         t.typnotnull AS notnull,
         CASE WHEN t.typtype = 'd' THEN (SELECT json_agg(json_build_object(
                'name', c.conname, 'definition', pg_get_constraintdef(c.oid),
                'validated', c.convalidated) ORDER BY c.conname)
                FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c') END AS checks,
         CASE WHEN t.typtype = 'c' THEN (SELECT json_agg(json_build_object(
                'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                'collation', CASE WHEN a.attcollation <> aty.typcollation
                  THEN (SELECT co.collname FROM pg_collation co WHERE co.oid = a.attcollation) END)
                ORDER BY a.attnum)
                FROM pg_attribute a JOIN pg_type aty ON aty.oid = a.atttypid
               WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END
           AS attributes
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE n.nspname = ANY($1::text[]) AND t.typtype IN ('e', 'd', 'c', 'r', 'b', 'p')
     AND NOT (t.typcategory = 'A' AND t.typelem <> 0)
     AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
     AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}`;

export interface ExtensionRow {
  name: string;
  schema: string;
}

/** Extensions whose objects live in a chosen schema (plpgsql comes with every database). */
export const EXTENSIONS = `
  SELECT x.extname AS name, n.nspname AS schema
    FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
   WHERE n.nspname = ANY($1::text[]) AND x.extname <> 'plpgsql'
   ORDER BY x.extname`;

export interface OtherRow {
  kind: string;
  name: string;
  why: string;
}

/**
 * Everything else a schema can hold, none of which Retort models: one row per object with
 * its kind, qualified name and why it is listed. (Views, functions, procedures, aggregates,
 * triggers, rules, policies and event triggers are read as objects: object-queries.ts.)
 */
export const OTHER_OBJECTS = `
  SELECT 'window function' AS kind,
         n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
         'window function' AS why
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname = ANY($1::text[]) AND p.prokind = 'w'
     AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}
  UNION ALL
  SELECT 'collation', n.nspname || '.' || co.collname, 'collation'
    FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace
   WHERE n.nspname = ANY($1::text[]) AND ${NOT_EXTENSION_MEMBER('pg_collation', 'co.oid')}
  UNION ALL
  SELECT 'operator', n.nspname || '.' || o.oprname, 'operator'
    FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
   WHERE n.nspname = ANY($1::text[]) AND ${NOT_EXTENSION_MEMBER('pg_operator', 'o.oid')}
  UNION ALL
  SELECT 'text search configuration', n.nspname || '.' || f.cfgname, 'text search configuration'
    FROM pg_ts_config f JOIN pg_namespace n ON n.oid = f.cfgnamespace
   WHERE n.nspname = ANY($1::text[]) AND ${NOT_EXTENSION_MEMBER('pg_ts_config', 'f.oid')}
  UNION ALL
  SELECT 'statistics', n.nspname || '.' || s.stxname, 'extended statistics'
    FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace
   WHERE n.nspname = ANY($1::text[])
  UNION ALL
  SELECT 'publication', p.pubname, 'publication' FROM pg_publication p
  UNION ALL
  SELECT 'foreign server', s.srvname, 'foreign server' FROM pg_foreign_server s
   WHERE ${NOT_EXTENSION_MEMBER('pg_foreign_server', 's.oid')}`;
