/**
 * What the phases of one plan share: the two designs and their catalogs, what matched by id,
 * the catalog as the operations so far leave it, and the operation list being built.
 */
import type { Catalog, CatalogTable } from '../catalog/types';
import type { Design, EnumType } from '../design/types';
import type { CatalogState } from '../operations/apply';
import type { Operation } from '../operations/types';
import type { TableConstraints } from './constraints';
import type { TableCreation } from './tables';

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
