/**
 * The catalog: a design as Postgres sees it. Names instead of ids, every constraint with
 * its resolved name (Postgres' own defaults for unnamed ones: `users_pkey`,
 * `orders_user_id_fkey`, `users_username_key`, `users_username_idx`), `Column.unique`
 * turned into a unique constraint, tables and enums sorted by name, constraints sorted by
 * name, columns in table order.
 *
 * Operations carry catalog objects, introspection produces a catalog, and two schemas are
 * equal when their catalogs are (`catalogsEqual`).
 *
 * Options that came after the first revision format (index methods, key options) are
 * present only when they differ from Postgres' default, so operations that do not use them
 * are stored exactly as they always were.
 */

import type {
  ForeignKeyMatch,
  IndexMethod,
  NullsOrder,
  ReferentialAction,
  SequenceDataType,
} from '../design/types';
import type { CatalogObject } from '../objects/types';

export interface CatalogColumn {
  name: string;
  /** Canonical type; for an autoincrement column the integer type (INTEGER, BIGINT, SMALLINT). */
  type: string;
  nullable: boolean;
  /** SQL expression, or null. Null for autoincrement columns (their nextval is implied). */
  default: string | null;
  autoincrement: boolean;
  comment: string | null;
  /** The identity and its sequence, every option resolved; absent for other columns. */
  identity?: CatalogIdentity;
  /** The canonical expression of a `GENERATED ALWAYS AS (...) STORED` column; absent otherwise. */
  generated?: string;
  /** A collation other than the type's default; absent for the default. */
  collation?: string;
}

/** An identity's sequence as Postgres keeps it: every option resolved, as decimal text. */
export interface CatalogIdentity {
  generation: 'ALWAYS' | 'BY DEFAULT';
  start: string;
  increment: string;
  minValue: string;
  maxValue: string;
  cache: string;
  cycle: boolean;
}

export interface CatalogPrimaryKey {
  name: string;
  columns: string[];
  deferrable?: true;
  initiallyDeferred?: true;
  /** `COMMENT ON CONSTRAINT`; absent when there is none. */
  comment?: string;
}

export interface CatalogForeignKey {
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  /** `NO ACTION` when the design says null: that is what Postgres stores. */
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
  /** Absent: MATCH SIMPLE. */
  match?: Exclude<ForeignKeyMatch, 'SIMPLE'>;
  deferrable?: true;
  initiallyDeferred?: true;
  notValid?: true;
  /** `COMMENT ON CONSTRAINT`; absent when there is none. */
  comment?: string;
}

export interface CatalogUnique {
  name: string;
  columns: string[];
  nullsNotDistinct?: true;
  deferrable?: true;
  initiallyDeferred?: true;
  /** `COMMENT ON CONSTRAINT`; absent when there is none. */
  comment?: string;
}

/** An index key other than a plain ascending column: one of `column` and `expression`. */
export interface CatalogIndexKey {
  column?: string;
  /** Canonical SQL of an expression key. */
  expression?: string;
  descending?: true;
  /** Absent: the direction's default (LAST ascending, FIRST descending). */
  nulls?: NullsOrder;
  opclass?: string;
  collation?: string;
}

export interface CatalogIndex {
  name: string;
  /** Names of the key columns in key order (with `keys`: of its column keys). */
  columns: string[];
  unique: boolean;
  /** Absent: btree. */
  method?: Exclude<IndexMethod, 'btree'>;
  /** Every key in order, when one is an expression or has an option. */
  keys?: CatalogIndexKey[];
  /** `INCLUDE` columns. */
  include?: string[];
  /** Canonical SQL of a partial index's predicate. */
  where?: string;
  nullsNotDistinct?: true;
  /** `COMMENT ON INDEX`; absent when there is none. */
  comment?: string;
}

/** An exclusion element: an index key (always listed) with its operator. */
export interface CatalogExclusionElement extends CatalogIndexKey {
  operator: string;
}

export interface CatalogExclusion {
  name: string;
  method: IndexMethod;
  elements: CatalogExclusionElement[];
  /** `INCLUDE` columns. */
  include?: string[];
  /** Canonical SQL of the `WHERE` predicate. */
  where?: string;
  deferrable?: true;
  initiallyDeferred?: true;
  /** `COMMENT ON CONSTRAINT`; absent when there is none. */
  comment?: string;
}

export interface CatalogCheck {
  name: string;
  expression: string;
  notValid?: true;
  /** `COMMENT ON CONSTRAINT`; absent when there is none. */
  comment?: string;
}

export interface CatalogTable {
  name: string;
  comment: string | null;
  columns: CatalogColumn[];
  primaryKey: CatalogPrimaryKey | null;
  foreignKeys: CatalogForeignKey[];
  uniques: CatalogUnique[];
  indexes: CatalogIndex[];
  checks: CatalogCheck[];
  /** Sorted by name; absent when there are none, so older catalogs and operations read as before. */
  exclusions?: CatalogExclusion[];
  /** `RANGE (created_at)` as `pg_get_partkeydef` prints it; absent for a table not partitioned. */
  partitionBy?: string;
  /**
   * A partition: its parent's (qualified) name and its bound as `pg_get_expr(relpartbound)`
   * prints it. Its columns, keys, checks and indexes are the parent's, which Postgres gives
   * it; the catalog holds none of them for it (see `partitions.ts`).
   */
  partitionOf?: CatalogPartitionOf;
}

export interface CatalogPartitionOf {
  table: string;
  bound: string;
}

export interface CatalogEnum {
  name: string;
  values: string[];
}

/** A domain as Postgres keeps it: qualified name, canonical base type, default and checks. */
export interface CatalogDomain {
  name: string;
  type: string;
  collation?: string;
  /** Canonical SQL, or null. */
  default: string | null;
  notNull: boolean;
  /** Sorted by name; each expression canonical, on `VALUE`. */
  checks: CatalogCheck[];
  comment: string | null;
}

export interface CatalogCompositeAttribute {
  name: string;
  type: string;
  collation?: string;
}

/** A composite type: qualified name and its attributes in order. */
export interface CatalogCompositeType {
  name: string;
  attributes: CatalogCompositeAttribute[];
  comment: string | null;
}

export interface CatalogExtension {
  name: string;
  /** The schema its objects live in, `public` included. */
  schema: string;
}

/**
 * A standalone sequence as Postgres keeps it: qualified name, every option resolved as
 * decimal text, and the column that owns it (its table's qualified name).
 */
export interface CatalogSequence {
  name: string;
  dataType: SequenceDataType;
  start: string;
  increment: string;
  minValue: string;
  maxValue: string;
  cache: string;
  cycle: boolean;
  ownedBy: CatalogSequenceOwner | null;
  comment: string | null;
}

export interface CatalogSequenceOwner {
  table: string;
  column: string;
}

export interface Catalog {
  /**
   * The schemas other than public that hold the tables and enums, sorted; absent when there
   * are none. Tables and enums outside public are named `schema.name` (`qualifiedName`).
   */
  schemas?: string[];
  /** Comments on those schemas, by name; absent when none has one. */
  schemaComments?: Record<string, string>;
  enums: CatalogEnum[];
  tables: CatalogTable[];
  /** Views, functions, triggers, policies...; absent when there are none (see `objects/types.ts`). */
  objects?: CatalogObject[];
  /** Sorted by name; absent when there are none, as for the two lists below. */
  domains?: CatalogDomain[];
  compositeTypes?: CatalogCompositeType[];
  extensions?: CatalogExtension[];
  /** Standalone sequences, sorted by name; absent when there are none. */
  sequences?: CatalogSequence[];
}
