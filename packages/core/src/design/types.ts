/**
 * The design model: what `design.json` (format `retort.design/5`; `/1` to `/4` files
 * are read as well and upgraded on load) holds once read and normalised. Every optional field of the file is filled with its documented default, so
 * code that receives a `Design` never checks for `undefined`.
 *
 * `id`s are stable and opaque; names are what users edit. Foreign keys, uniques and indexes
 * point at column and table ids, so a rename is a rename, not a drop and an add.
 */

export const DESIGN_FORMAT = 'retort.design/5';
/**
 * The formats Retort reads: each adds what the one before could not say, so an older file is
 * a valid newer one. A release that reads only older formats refuses a newer file rather
 * than dropping the fields it does not know.
 */
export const READABLE_DESIGN_FORMATS: readonly string[] = [
  'retort.design/1',
  'retort.design/2',
  'retort.design/3',
  'retort.design/4',
  DESIGN_FORMAT,
];

/** The readable formats as a sentence names them. */
export function readableFormats(): string {
  const quoted = READABLE_DESIGN_FORMATS.map((f) => `"${f}"`);
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

export type ReferentialAction = 'CASCADE' | 'SET NULL' | 'SET DEFAULT' | 'RESTRICT' | 'NO ACTION';

/** Postgres' index access methods. */
export type IndexMethod = 'btree' | 'hash' | 'gin' | 'gist' | 'spgist' | 'brin';
export const INDEX_METHODS: readonly IndexMethod[] = [
  'btree',
  'hash',
  'gin',
  'gist',
  'spgist',
  'brin',
];

export type NullsOrder = 'FIRST' | 'LAST';

/** How a partitioned table splits its rows among its partitions. */
export type PartitionStrategy = 'RANGE' | 'LIST' | 'HASH';
export const PARTITION_STRATEGIES: readonly PartitionStrategy[] = ['RANGE', 'LIST', 'HASH'];

/** `PARTITION BY RANGE (created_at)`: the table holds no rows itself, its partitions do. */
export interface PartitionBy {
  strategy: PartitionStrategy;
  /** The whole key as `pg_get_partkeydef` prints it, strategy first: `RANGE (created_at)`. */
  key: string;
}

/** `MATCH SIMPLE` is Postgres' default; `MATCH FULL` refuses a key that is only partly null. */
export type ForeignKeyMatch = 'SIMPLE' | 'FULL';

export interface Position {
  x: number;
  y: number;
}

export interface ColumnDefault {
  /** One SQL expression, e.g. `now()`, `0`, `'new'`. */
  sql: string;
}

/**
 * `GENERATED ALWAYS|BY DEFAULT AS IDENTITY`: the column takes its values from a sequence of
 * its own. Options left null take Postgres' defaults for the column's type. Values are
 * decimal integer text, as a BIGINT's do not all fit a JSON number.
 */
export interface ColumnIdentity {
  /** ALWAYS refuses a value on INSERT unless `OVERRIDING SYSTEM VALUE`; BY DEFAULT takes it. */
  generation: 'ALWAYS' | 'BY DEFAULT';
  start: string | null;
  increment: string | null;
  minValue: string | null;
  maxValue: string | null;
  cache: string | null;
  cycle: boolean;
}

export interface Column {
  id: string;
  name: string;
  /**
   * Canonical spelling for the types Retort knows (`VARCHAR(255)`, `TEXT[]`, an enum's
   * name), `format_type`'s for any other (`timestamp(6) without time zone`, `citext`); see
   * `normalizeColumnType`.
   */
  type: string;
  nullable: boolean;
  primaryKey: boolean;
  /** SERIAL / BIGSERIAL / SMALLSERIAL, as SQLAlchemy and Alembic emit them. */
  autoincrement: boolean;
  unique: boolean;
  default: ColumnDefault | null;
  comment: string | null;
  /** Absent when the column is no identity column (format /2). */
  identity?: ColumnIdentity;
  /** `GENERATED ALWAYS AS (sql) STORED`; absent when the column is not generated (format /2). */
  generated?: ColumnDefault;
  /** `COLLATE "C"`: a collation other than the type's default; absent for that default (format /2). */
  collation?: string;
}

export interface ForeignKey {
  id: string;
  name: string | null;
  /** Column ids of this table. */
  columns: string[];
  references: { table: string; columns: string[] };
  onDelete: ReferentialAction | null;
  onUpdate: ReferentialAction | null;
  /** Default `SIMPLE`. */
  match: ForeignKeyMatch;
  /** Default false. */
  deferrable: boolean;
  /** `INITIALLY DEFERRED`; only with `deferrable`. Default false. */
  initiallyDeferred: boolean;
  /** `NOT VALID`: rows already there are not checked. Default false. */
  notValid: boolean;
  /** `COMMENT ON CONSTRAINT`. Default null. */
  comment: string | null;
}

export interface UniqueConstraint {
  id: string;
  name: string | null;
  columns: string[];
  /** `NULLS NOT DISTINCT` (Postgres 15): two nulls count as equal. Default false. */
  nullsNotDistinct: boolean;
  /** `DEFERRABLE`; absent when false (format /5), so older designs hash as before. */
  deferrable?: boolean;
  /** `INITIALLY DEFERRED`; only with `deferrable`; absent when false. */
  initiallyDeferred?: boolean;
  /** `COMMENT ON CONSTRAINT`. Default null. */
  comment: string | null;
}

/** One key of an index: a column or an expression, with its order and operator class. */
export interface IndexKey {
  /** A column id, or null for an expression key. */
  column: string | null;
  /** One SQL expression when `column` is null, e.g. `lower(email)`. */
  expression: string | null;
  descending: boolean;
  /** Null: Postgres' default for the direction (LAST ascending, FIRST descending). */
  nulls: NullsOrder | null;
  /** A non-default operator class, e.g. `text_pattern_ops`, `jsonb_path_ops`. */
  opclass: string | null;
  collation: string | null;
}

export interface Index {
  id: string;
  name: string | null;
  /** Column ids of the key columns, in key order (with `keys`: those of its column keys). */
  columns: string[];
  unique: boolean;
  /** Default `btree`. */
  method: IndexMethod;
  /**
   * Every key in order, when one is an expression or has an option; null (the default) when
   * the keys are `columns`, ascending, as they are.
   */
  keys: IndexKey[] | null;
  /** `INCLUDE` column ids. Default empty. */
  include: string[];
  /** A partial index's `WHERE` expression. Default null. */
  where: string | null;
  /** `NULLS NOT DISTINCT` for a unique index (Postgres 15). Default false. */
  nullsNotDistinct: boolean;
  /** `COMMENT ON INDEX`. Default null. */
  comment: string | null;
}

/** A domain's check: a table check's fields but NOT VALID, which Retort keeps for tables only. */
export type DomainCheck = Omit<CheckConstraint, 'notValid' | 'comment'>;

export interface CheckConstraint {
  id: string;
  name: string | null;
  expression: string;
  /** `NOT VALID`: rows already there are not checked, new and changed ones are. Default false. */
  notValid: boolean;
  /** `COMMENT ON CONSTRAINT`. Default null. */
  comment: string | null;
}

/** One element of an exclusion constraint: an index key with the operator rows are compared by. */
export interface ExclusionElement extends IndexKey {
  /** `=`, `&&`, or a qualified `OPERATOR(schema.op)`'s inside, `schema.op`. */
  operator: string;
}

/**
 * `EXCLUDE USING gist (room_id WITH =, during WITH &&)`: no two rows may have every element
 * compare true by its operator. Its index takes the constraint's name, in the schema's
 * relation namespace.
 */
export interface ExclusionConstraint {
  id: string;
  /** Null: Postgres' own, `<table>_<columns>_excl`. */
  name: string | null;
  /** Default `gist`; gin and brin cannot back an exclusion constraint. */
  method: IndexMethod;
  elements: ExclusionElement[];
  /** `INCLUDE` column ids. Default empty. */
  include: string[];
  /** `WHERE (...)`: only the rows it holds for are compared. Default null. */
  where: string | null;
  /** Default false. */
  deferrable: boolean;
  /** `INITIALLY DEFERRED`; only with `deferrable`. Default false. */
  initiallyDeferred: boolean;
  /** `COMMENT ON CONSTRAINT`. Default null. */
  comment: string | null;
}

/** The index methods that can back an exclusion constraint (those with index scans). */
export const EXCLUSION_METHODS: readonly IndexMethod[] = ['gist', 'btree', 'hash', 'spgist'];

export interface Table {
  id: string;
  name: string;
  /** The Postgres schema; absent for `public` (format /3). Names are unique per schema. */
  schema?: string;
  comment: string | null;
  /** Canvas position; null when the design was never laid out. */
  position: Position | null;
  columns: Column[];
  /** The primary key's name; null (the default) for Postgres' own, `<table>_pkey`. */
  primaryKeyName: string | null;
  /**
   * Primary key column ids in key order, when it is not column order; null (the default)
   * for column order.
   */
  primaryKeyOrder: string[] | null;
  /** The primary key's `COMMENT ON CONSTRAINT`. Default null. */
  primaryKeyComment: string | null;
  /** The primary key is `DEFERRABLE`; absent when false (format /5). */
  primaryKeyDeferrable?: boolean;
  /** The primary key is `INITIALLY DEFERRED`; only with `primaryKeyDeferrable`; absent when false. */
  primaryKeyInitiallyDeferred?: boolean;
  foreignKeys: ForeignKey[];
  uniques: UniqueConstraint[];
  indexes: Index[];
  checks: CheckConstraint[];
  /** Absent when the table has none (format /5), so a design without them hashes as before. */
  exclusions?: ExclusionConstraint[];
  /** Header colour on the canvas, `#rrggbb`; absent: the theme's (see `canvas-data.ts`). */
  color?: string;
  /** Absent for a table that is not partitioned (format /4). */
  partitionBy?: PartitionBy;
  /**
   * The id of the partitioned table this one is a partition of; absent for other tables
   * (format /4). A partition's columns, keys, checks and indexes are its parent's, which
   * Postgres gives it: the design holds none of its own.
   */
  partitionOf?: string;
  /**
   * A partition's bound as `pg_get_expr(relpartbound)` prints it: `FOR VALUES FROM (...) TO
   * (...)`, `FOR VALUES IN (...)`, `FOR VALUES WITH (MODULUS m, REMAINDER r)` or `DEFAULT`;
   * present exactly when `partitionOf` is.
   */
  partitionBound?: string;
}

export interface EnumType {
  id: string;
  name: string;
  /**
   * The Postgres schema; absent for `public` (format /3). A column of an enum outside public
   * names it qualified, as its type: `app.status`.
   */
  schema?: string;
  values: string[];
}

/**
 * `CREATE DOMAIN`: a base type with a default, NOT NULL and checks that every column of the
 * domain takes. A column names it as its type (`app.positive_cents`, `year` in public).
 */
export interface DomainType {
  id: string;
  name: string;
  /** The Postgres schema; absent for `public`. */
  schema?: string;
  /** The base type with its modifiers, spelled as a column's (`BIGINT`, `numeric(12,2)`). */
  type: string;
  /** `COLLATE "C"`; absent for the base type's default. */
  collation?: string;
  default: ColumnDefault | null;
  notNull: boolean;
  /** Checks on `VALUE`; an unnamed one takes Postgres' name, `<domain>_check`. */
  checks: DomainCheck[];
  comment: string | null;
}

/** One attribute of a composite type: a name and a column's type. */
export interface CompositeAttribute {
  name: string;
  type: string;
  /** Absent for the type's default collation. */
  collation?: string;
}

/** `CREATE TYPE ... AS (...)`: a row type of its own, used as a column's type. */
export interface CompositeType {
  id: string;
  name: string;
  /** The Postgres schema; absent for `public`. */
  schema?: string;
  attributes: CompositeAttribute[];
  comment: string | null;
}

/**
 * `CREATE EXTENSION`: its types (`citext`), operator classes and functions become usable.
 * The version is the server's default; the schema is where its objects go.
 */
export interface Extension {
  name: string;
  /** Absent for `public`. */
  schema?: string;
}

/** The integer types a sequence can be. */
export type SequenceDataType = 'smallint' | 'integer' | 'bigint';
export const SEQUENCE_DATA_TYPES: readonly SequenceDataType[] = ['smallint', 'integer', 'bigint'];

/**
 * `CREATE SEQUENCE` on its own, not a column's SERIAL or identity (those stay column
 * features): a counter that column defaults call with `nextval('schema.name'::regclass)`.
 * Options left null take Postgres' defaults for the type and the direction of the increment.
 * Values are decimal integer text (a JSON number is read too), as a BIGINT's do not all fit
 * a JSON number.
 */
export interface Sequence {
  id: string;
  name: string;
  /** The Postgres schema; absent for `public`. Names share the schema's relation namespace. */
  schema?: string;
  /** Default `bigint`. */
  dataType: SequenceDataType;
  start: string | null;
  increment: string | null;
  minValue: string | null;
  maxValue: string | null;
  cache: string | null;
  cycle: boolean;
  /**
   * `OWNED BY table.column`: the sequence is dropped with that column or table. Ids of a
   * table in the sequence's schema and one of its columns; null for `OWNED BY NONE`.
   */
  ownedBy: { table: string; column: string } | null;
  comment: string | null;
}

import type { DesignObject } from '../objects/types';

export interface Design {
  format: typeof DESIGN_FORMAT;
  name: string;
  enums: EnumType[];
  tables: Table[];
  /** Notes and subject areas on the canvas; absent: none (see `canvas-data.ts`). */
  canvas?: CanvasData;
  /**
   * Views, functions, triggers, policies... (format /3, see `objects/types.ts`); absent:
   * none, so a design without them hashes as it did before.
   */
  objects?: DesignObject[];
  /** Domains; absent: none, so a design without them hashes as it did before. */
  domains?: DomainType[];
  /** Composite types; absent: none. */
  compositeTypes?: CompositeType[];
  /** Extensions; absent: none. */
  extensions?: Extension[];
  /** Standalone sequences (format /5); absent: none. */
  sequences?: Sequence[];
  /**
   * `COMMENT ON SCHEMA`, by the name of a schema other than public that the design puts
   * something in; absent: none.
   */
  schemaComments?: Record<string, string>;
}

/** A note on the canvas: text in a box (see `canvas-data.ts`). */
export interface CanvasNote {
  id: string;
  text: string;
  position: Position;
  width: number;
  height: number;
}

export interface SubjectArea {
  id: string;
  name: string;
  /** `#rrggbb`. */
  color: string;
  position: Position;
  width: number;
  height: number;
}

export interface CanvasData {
  notes: CanvasNote[];
  areas: SubjectArea[];
}
