/**
 * What the phases of one plan share: the two designs and their catalogs, what matched by id,
 * the catalog as the operations so far leave it, and the operation list being built.
 */
import type {
  Catalog,
  CatalogCheck,
  CatalogExclusion,
  CatalogForeignKey,
  CatalogIndex,
  CatalogPrimaryKey,
  CatalogTable,
  CatalogUnique,
} from '../catalog/types';
import type { Design, EnumType } from '../design/types';
import type { CatalogState } from '../operations/apply';
import type { CreateForeignKey, Operation } from '../operations/types';

export interface Matched<T> {
  kept: { before: T; after: T }[];
  dropped: T[];
  created: T[];
}

export interface TableConstraints {
  primaryKey: Matched<CatalogPrimaryKey>;
  foreignKeys: Matched<CatalogForeignKey>;
  uniques: Matched<CatalogUnique>;
  indexes: Matched<CatalogIndex>;
  checks: Matched<CatalogCheck>;
  exclusions: Matched<CatalogExclusion>;
}

export interface TableCreation {
  /** create_table and its create_index operations, table after table. */
  tables: Operation[];
  /** Keys to create once every table (and unique) exists. */
  foreignKeys: CreateForeignKey[];
}

/** A table in both designs, with its constraints compared. */
export interface TablePair {
  before: CatalogTable;
  after: CatalogTable;
  constraints: TableConstraints;
}

export interface PlanContext {
  before: Design;
  after: Design;
  catalogBefore: Catalog;
  catalogAfter: Catalog;
  /** The tables in both designs, but for those nothing can change (left out, see match.ts). */
  pairs: TablePair[];
  /** Each kept table's kept columns, old name → new name, by the table's old name. */
  columnRenames: Map<string, Map<string, string>>;
  /** Tables that go and tables that come, each set in foreign-key order. */
  dropping: TableCreation;
  creating: TableCreation;
  enums: {
    kept: EnumType[];
    dropped: EnumType[];
    created: EnumType[];
    afterById: Map<string, EnumType>;
    /** The name a dropped enum has when it is dropped: it may step aside first. */
    droppedName: Map<string, string>;
  };
  /** The catalog as the operations emitted so far leave it. */
  state: CatalogState;
  ops: Operation[];
  emit(op: Operation): void;
}
