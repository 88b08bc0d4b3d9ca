/**
 * Migration operations: plain JSON objects with a `kind`, mirroring Alembic's `op.*`
 * vocabulary, stored as they are in revision files. Each carries enough of the catalog to be
 * rendered on its own and reversed exactly (`reverseOperation`).
 *
 * Table and column names are the names at the moment the operation runs (renames happen in
 * order, like the SQL).
 */
import type {
  CatalogCheck,
  CatalogColumn,
  CatalogCompositeType,
  CatalogDomain,
  CatalogEnum,
  CatalogExclusion,
  CatalogExtension,
  CatalogForeignKey,
  CatalogIndex,
  CatalogPrimaryKey,
  CatalogSequence,
  CatalogSequenceOwner,
  CatalogTable,
  CatalogUnique,
} from '../catalog/types';
import type { CatalogObject } from '../objects/types';

/**
 * A table as created: its indexes and exclusion constraints are separate `create_index` and
 * `create_exclusion` operations, as pg_dump adds them after the table.
 */
export type TableSpec = Omit<CatalogTable, 'indexes' | 'exclusions'>;

export interface CreateTable {
  kind: 'create_table';
  table: TableSpec;
}
export interface DropTable {
  kind: 'drop_table';
  table: TableSpec;
}
export interface RenameTable {
  kind: 'rename_table';
  from: string;
  to: string;
}
export interface SetTableComment {
  kind: 'set_table_comment';
  table: string;
  from: string | null;
  to: string | null;
}
export interface AddColumn {
  kind: 'add_column';
  table: string;
  column: CatalogColumn;
}
export interface DropColumn {
  kind: 'drop_column';
  table: string;
  column: CatalogColumn;
}
/** Any change to one column: name, type, nullability, default, comment. `before.name` is its name now. */
export interface AlterColumn {
  kind: 'alter_column';
  table: string;
  before: CatalogColumn;
  after: CatalogColumn;
}
export interface CreatePrimaryKey {
  kind: 'create_primary_key';
  table: string;
  primaryKey: CatalogPrimaryKey;
}
export interface DropPrimaryKey {
  kind: 'drop_primary_key';
  table: string;
  primaryKey: CatalogPrimaryKey;
}
export interface CreateForeignKey {
  kind: 'create_foreign_key';
  table: string;
  foreignKey: CatalogForeignKey;
}
export interface DropForeignKey {
  kind: 'drop_foreign_key';
  table: string;
  foreignKey: CatalogForeignKey;
}
export interface CreateUnique {
  kind: 'create_unique';
  table: string;
  unique: CatalogUnique;
}
export interface DropUnique {
  kind: 'drop_unique';
  table: string;
  unique: CatalogUnique;
}
export interface CreateIndex {
  kind: 'create_index';
  table: string;
  index: CatalogIndex;
}
export interface DropIndex {
  kind: 'drop_index';
  table: string;
  index: CatalogIndex;
}
export interface CreateCheck {
  kind: 'create_check';
  table: string;
  check: CatalogCheck;
}
export interface DropCheck {
  kind: 'drop_check';
  table: string;
  check: CatalogCheck;
}
/** `ALTER TABLE ... ADD CONSTRAINT ... EXCLUDE USING ...`, with its comment. */
export interface CreateExclusion {
  kind: 'create_exclusion';
  table: string;
  exclusion: CatalogExclusion;
}
export interface DropExclusion {
  kind: 'drop_exclusion';
  table: string;
  exclusion: CatalogExclusion;
}
/** `COMMENT ON CONSTRAINT` of an exclusion constraint that stays. */
export interface SetExclusionComment {
  kind: 'set_exclusion_comment';
  table: string;
  exclusion: string;
  from: string | null;
  to: string | null;
}
/**
 * `COMMENT ON CONSTRAINT` of a primary key, unique constraint, check or foreign key that
 * stays; one that is created carries its comment.
 */
export interface SetConstraintComment {
  kind: 'set_constraint_comment';
  table: string;
  constraint: string;
  from: string | null;
  to: string | null;
}
/**
 * A check becomes valid (`VALIDATE CONSTRAINT`: existing rows are checked, under a lock that
 * lets writes go on) or NOT VALID again. Postgres cannot un-validate a constraint, so
 * `valid: false` drops the check and adds it back `NOT VALID`.
 */
export interface SetCheckValidity {
  kind: 'set_check_validity';
  table: string;
  /** The check as it is before (its `notValid` is the opposite of `valid`). */
  check: CatalogCheck;
  valid: boolean;
}
export interface SetIndexComment {
  kind: 'set_index_comment';
  table: string;
  index: string;
  from: string | null;
  to: string | null;
}
export interface CreateEnum {
  kind: 'create_enum';
  enum: CatalogEnum;
}
export interface DropEnum {
  kind: 'drop_enum';
  enum: CatalogEnum;
}
export interface RenameEnum {
  kind: 'rename_enum';
  from: string;
  to: string;
}
/**
 * A change to an enum's values. Rendered as `ALTER TYPE ... ADD VALUE` when `after` only
 * inserts values into `before`; as `RENAME VALUE` for `renames`; otherwise the type is
 * recreated and `usages` (the columns of that type) are cast to the new one.
 */
export interface AlterEnum {
  kind: 'alter_enum';
  name: string;
  before: string[];
  after: string[];
  /** Value renames, `from` in `before`, `to` in `after`. */
  renames: { from: string; to: string }[];
  /** `array` marks a column holding an array of the enum (`status[]`). */
  usages: { table: string; column: string; default: string | null; array?: boolean }[];
}
/**
 * Postgres keeps a constraint's or index's name when its table or column is renamed; these
 * bring a default name (`users_pkey`, `orders_user_id_fkey`) in line with the design's.
 * Renaming a primary key or unique constraint renames its index too, and the other way round.
 */
export interface RenameConstraint {
  kind: 'rename_constraint';
  table: string;
  from: string;
  to: string;
}
export interface RenameIndex {
  kind: 'rename_index';
  table: string;
  from: string;
  to: string;
}
/**
 * A schema other than public, created when the first table or enum of it appears and dropped
 * when the last goes: never `IF NOT EXISTS`, so the reverse drops only what this created.
 */
export interface CreateSchema {
  kind: 'create_schema';
  schema: string;
}
export interface DropSchema {
  kind: 'drop_schema';
  schema: string;
}
/** `COMMENT ON SCHEMA`: null clears it. */
export interface SetSchemaComment {
  kind: 'set_schema_comment';
  schema: string;
  from: string | null;
  to: string | null;
}
/**
 * `ALTER TABLE ... SET SCHEMA`: the table moves with its rows, columns, keys and indexes.
 * `table` is its bare name, the same in both schemas.
 */
export interface SetTableSchema {
  kind: 'set_table_schema';
  table: string;
  from: string;
  to: string;
}
/** `ALTER TYPE ... SET SCHEMA`: the columns of the enum keep it. `name` is its bare name. */
export interface SetEnumSchema {
  kind: 'set_enum_schema';
  name: string;
  from: string;
  to: string;
}
/**
 * `ALTER TABLE parent ATTACH PARTITION table FOR VALUES ...`: an existing partition-less
 * table becomes a partition (its rows join the parent's). Retort attaches only a table it
 * has just detached (a bound changed), so the table has the parent's columns already.
 */
export interface AttachPartition {
  kind: 'attach_partition';
  table: string;
  parent: string;
  bound: string;
}
/** `ALTER TABLE parent DETACH PARTITION table`: the partition's rows leave the parent's. */
export interface DetachPartition {
  kind: 'detach_partition';
  table: string;
  parent: string;
  bound: string;
}
/** Hand-written SQL with its own downgrade, for data migrations. */
export interface Execute {
  kind: 'execute';
  upgrade: string[];
  downgrade: string[];
}

/**
 * A view, function, trigger, policy or other object (see `objects/types.ts`), created from
 * its definition. `around` names the tables whose change made the plan drop the object and
 * create it again (Postgres refuses to change a column a view or policy uses); absent when
 * the object itself is new.
 */
export interface CreateObject {
  kind: 'create_object';
  object: CatalogObject;
  around?: string[];
}
/** Drops an object; it carries the definition, so its reverse creates it exactly. */
export interface DropObject {
  kind: 'drop_object';
  object: CatalogObject;
  around?: string[];
}
/**
 * A changed definition or comment, where Postgres changes it in place (`CREATE OR REPLACE`
 * of a function with the same arguments and result, of a view keeping its columns; a
 * comment); otherwise the plan drops and creates instead.
 */
export interface ReplaceObject {
  kind: 'replace_object';
  before: CatalogObject;
  after: CatalogObject;
}

/** `CREATE EXTENSION ... WITH SCHEMA`: its types and functions become usable. */
export interface CreateExtension {
  kind: 'create_extension';
  extension: CatalogExtension;
}
export interface DropExtension {
  kind: 'drop_extension';
  extension: CatalogExtension;
}
/** `CREATE DOMAIN` with its default, NOT NULL, checks and comment. */
export interface CreateDomain {
  kind: 'create_domain';
  domain: CatalogDomain;
}
export interface DropDomain {
  kind: 'drop_domain';
  domain: CatalogDomain;
}
/**
 * A domain changed in place: default, NOT NULL, checks added or dropped, comment. Its name,
 * base type and collation are the same in `before` and `after` (another base type is a new
 * domain).
 */
export interface AlterDomain {
  kind: 'alter_domain';
  before: CatalogDomain;
  after: CatalogDomain;
}
export interface CreateCompositeType {
  kind: 'create_composite_type';
  type: CatalogCompositeType;
}
export interface DropCompositeType {
  kind: 'drop_composite_type';
  type: CatalogCompositeType;
}
/**
 * A composite type changed in place: attributes added, dropped or given another type
 * (`ALTER TYPE ... ADD|DROP|ALTER ATTRIBUTE`), comment. An attribute is known by its name.
 */
export interface AlterCompositeType {
  kind: 'alter_composite_type';
  before: CatalogCompositeType;
  after: CatalogCompositeType;
}

/**
 * `CREATE SEQUENCE` with every option and its comment. The plan creates it owned by no
 * column (before the tables whose defaults call it) and sets the owner once the column
 * exists, as pg_dump does.
 */
export interface CreateSequence {
  kind: 'create_sequence';
  sequence: CatalogSequence;
}
/** Drops a sequence (its current value is lost); its reverse creates it with every option. */
export interface DropSequence {
  kind: 'drop_sequence';
  sequence: CatalogSequence;
}
/**
 * Options or comment changed in place (`ALTER SEQUENCE ... AS ... INCREMENT BY ...`); the
 * name and owner are the same in `before` and `after`.
 */
export interface AlterSequence {
  kind: 'alter_sequence';
  before: CatalogSequence;
  after: CatalogSequence;
}
/** `ALTER SEQUENCE ... OWNED BY table.column` or `OWNED BY NONE` (null). */
export interface SetSequenceOwner {
  kind: 'set_sequence_owner';
  sequence: string;
  from: CatalogSequenceOwner | null;
  to: CatalogSequenceOwner | null;
}
/**
 * `ALTER SEQUENCE ... SET SCHEMA` and `RENAME TO`: qualified names before and after. Column
 * defaults that call it follow, as Postgres keeps the sequence's oid in them.
 */
export interface RenameSequence {
  kind: 'rename_sequence';
  from: string;
  to: string;
}

export type Operation =
  | CreateTable
  | DropTable
  | RenameTable
  | SetTableComment
  | AddColumn
  | DropColumn
  | AlterColumn
  | CreatePrimaryKey
  | DropPrimaryKey
  | CreateForeignKey
  | DropForeignKey
  | CreateUnique
  | DropUnique
  | CreateIndex
  | DropIndex
  | CreateCheck
  | DropCheck
  | SetCheckValidity
  | CreateExclusion
  | DropExclusion
  | SetExclusionComment
  | SetConstraintComment
  | SetIndexComment
  | CreateEnum
  | DropEnum
  | RenameEnum
  | AlterEnum
  | RenameConstraint
  | RenameIndex
  | CreateSchema
  | DropSchema
  | SetSchemaComment
  | SetTableSchema
  | SetEnumSchema
  | AttachPartition
  | DetachPartition
  | Execute
  | CreateObject
  | DropObject
  | ReplaceObject
  | CreateExtension
  | DropExtension
  | CreateDomain
  | DropDomain
  | AlterDomain
  | CreateCompositeType
  | DropCompositeType
  | AlterCompositeType
  | CreateSequence
  | DropSequence
  | AlterSequence
  | SetSequenceOwner
  | RenameSequence;

export type OperationKind = Operation['kind'];
