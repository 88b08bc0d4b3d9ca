/**
 * Schema objects beside tables and enums: views, materialized views and their indexes,
 * functions, procedures, triggers, row-level security and its policies. Each is kept by its
 * definition as Postgres itself prints it, so what the design says compares equal to what
 * the database reports, and by the ids of what it depends on, so every revision can order
 * creation and removal.
 */
import type { ViewColumn } from './view-columns';

/** The kinds of objects a design holds (`design.objects[].kind`). */
export type ObjectKind =
  | 'view'
  | 'materialized_view'
  | 'index'
  | 'function'
  | 'procedure'
  | 'aggregate'
  | 'trigger'
  | 'rule'
  | 'policy'
  | 'row_security'
  | 'force_row_security'
  | 'event_trigger';

export const OBJECT_KINDS: readonly ObjectKind[] = [
  'view',
  'materialized_view',
  'index',
  'function',
  'procedure',
  'aggregate',
  'trigger',
  'rule',
  'policy',
  'row_security',
  'force_row_security',
  'event_trigger',
];

/** Kinds that belong to a table (or, for `index`, to a materialized view). */
export const TABLE_SCOPED_KINDS: readonly ObjectKind[] = [
  'index',
  'trigger',
  'rule',
  'policy',
  'row_security',
  'force_row_security',
];

/** How each kind is named in sentences, SQL keywords (`COMMENT ON ...`) aside. */
export const OBJECT_KIND_WORDS: Record<ObjectKind, string> = {
  view: 'view',
  materialized_view: 'materialized view',
  index: 'index',
  function: 'function',
  procedure: 'procedure',
  aggregate: 'aggregate',
  trigger: 'trigger',
  rule: 'rule',
  policy: 'policy',
  row_security: 'row-level security',
  force_row_security: 'forced row-level security',
  event_trigger: 'event trigger',
};

/**
 * Kinds named database-wide rather than in a schema: their `schema` is empty. An event
 * trigger fires on DDL anywhere in its database.
 */
export const DATABASE_WIDE_KINDS: readonly ObjectKind[] = ['event_trigger'];

/**
 * One object of a design.
 *
 * `definition` is SQL exactly as Postgres prints it:
 *  - view, materialized_view: the query, `pg_get_viewdef` (` SELECT ...;`);
 *  - index (of a materialized view): `pg_get_indexdef` (`CREATE INDEX ... ON ... USING ...`);
 *  - function, procedure: `pg_get_functiondef` (`CREATE OR REPLACE FUNCTION ...`);
 *  - aggregate: `CREATE AGGREGATE name(args) (SFUNC = ..., STYPE = ...)` as pg_dump writes it;
 *  - trigger: `pg_get_triggerdef` (`CREATE [CONSTRAINT] TRIGGER ...`);
 *  - rule (on a table): `pg_get_ruledef` (`CREATE RULE ... AS ON ... TO ... DO ...`);
 *  - policy: `CREATE POLICY ...` as pg_dump writes it from `pg_policy`;
 *  - row_security / force_row_security: `ALTER TABLE ... ENABLE|FORCE ROW LEVEL SECURITY`;
 *  - event_trigger: `CREATE EVENT TRIGGER ... EXECUTE FUNCTION f();` as pg_dump writes it,
 *    followed by `ALTER EVENT TRIGGER ... DISABLE|ENABLE REPLICA|ENABLE ALWAYS;` when it is
 *    not simply enabled.
 */
export interface DesignObject {
  id: string;
  kind: ObjectKind;
  /** Empty for an event trigger, which no schema holds. */
  schema: string;
  /**
   * The object's name; for a function or procedure its name and argument types as
   * `pg_get_function_identity_arguments` prints them (`add(a integer, b integer)`); for
   * row_security and force_row_security the table's name.
   */
  name: string;
  /** Id of the table (or, for an index, the materialized view object) it belongs to; else null. */
  table: string | null;
  definition: string;
  comment: string | null;
  /** Ids of the tables and objects it needs: created before it, dropped after it. */
  dependsOn: string[];
  /**
   * Where a view or materialized view is drawn on the canvas (drawing only, like a table's);
   * absent: placed beside what it reads until it is moved.
   */
  position?: { x: number; y: number };
  /**
   * A view's or materialized view's columns as Postgres reported them when it was read
   * (`pg_attribute`, `format_type`); absent where not known. Not compared: the definition
   * is what the object is.
   */
  columns?: ViewColumn[];
}

/**
 * An object as Postgres sees it: names instead of ids. `dependsOn` holds reference keys
 * (`objectKey`, or `table:<name>`) and is used for ordering, not compared.
 */
export interface CatalogObject {
  kind: ObjectKind;
  schema: string;
  name: string;
  /** Name of the table or materialized view it belongs to; null for others. */
  table: string | null;
  definition: string;
  comment: string | null;
  dependsOn: string[];
  /** As `DesignObject.columns`. */
  columns?: ViewColumn[];
}

/**
 * The key a catalog object is known by: `view:public.active_users`, `trigger:public.orders.touch`,
 * `event_trigger:log_ddl`.
 */
export function objectKey(o: Pick<CatalogObject, 'kind' | 'schema' | 'name' | 'table'>): string {
  if (o.schema === '') return `${o.kind}:${o.name}`;
  return `${o.kind}:${o.schema}.${o.table === null ? '' : `${o.table}.`}${o.name}`;
}

/** The key a table is referred to by in `CatalogObject.dependsOn`. */
export function tableKey(name: string): string {
  return `table:${name}`;
}

/** How an object is named in a sentence: `view public.active_users`, `trigger touch on orders`. */
export function describeObject(
  o: Pick<CatalogObject, 'kind' | 'schema' | 'name' | 'table'>,
): string {
  const word = OBJECT_KIND_WORDS[o.kind];
  if (o.schema === '') return `${word} ${o.name}`;
  if (o.kind === 'row_security' || o.kind === 'force_row_security') {
    return `${word} on ${o.schema}.${o.name}`;
  }
  return `${word} ${o.schema}.${o.name}${o.table !== null ? ` on ${o.table}` : ''}`;
}
