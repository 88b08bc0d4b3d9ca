/**
 * The schema a revision records. Postgres cannot reorder columns: every added column lands
 * at the end of its table, whatever place the design gives it (a column inserted in the
 * middle, a column moved, a dropped column restored by undo). A revision's snapshot is what
 * its operations produce, so it takes the design with each table's columns in the order the
 * database will hold them; the design itself keeps the order the person chose.
 */
import type { Column, Design, Table } from '../design/types';
import { CatalogState } from '../operations/apply';
import type { Operation } from '../operations/types';
import { designCatalog } from './catalogs';

/** `after` with its columns in the order `operations` (the diff from `before`) leave them. */
export function revisionSnapshot(
  before: Design,
  after: Design,
  operations: readonly Operation[],
): Design {
  // The state's own catalog is read, not a snapshot of it: only its column order is used.
  const state = new CatalogState(designCatalog(before));
  for (const op of operations) state.apply(op);
  const produced = state.catalog;
  const order = new Map(
    produced.tables.map((t) => [t.name, new Map(t.columns.map((c, i) => [c.name, i]))]),
  );
  let reordered = false;
  const tables = after.tables.map((table) => {
    const place = order.get(table.name);
    if (!place) return table;
    const at = (name: string) => place.get(name) ?? Number.MAX_SAFE_INTEGER;
    const columns = [...table.columns].sort((x, y) => at(x.name) - at(y.name));
    if (columns.every((c, i) => c === table.columns[i])) return table;
    reordered = true;
    return inColumnOrder(table, columns);
  });
  // Most revisions move no column: the design itself is the snapshot, and what was built
  // for it (its catalog) serves the snapshot too.
  return reordered ? { ...after, tables } : after;
}

/**
 * The table with its columns in `columns`' order. A primary key in column order keeps the
 * key order the design gave it: the order becomes the key's own when the columns move.
 */
export function inColumnOrder(table: Table, columns: Column[]): Table {
  const keyOf = (list: readonly Column[]) => list.filter((c) => c.primaryKey).map((c) => c.id);
  const key = keyOf(table.columns);
  const moved = keyOf(columns);
  if (table.primaryKeyOrder !== null || key.every((id, i) => moved[i] === id)) {
    return { ...table, columns };
  }
  return { ...table, columns, primaryKeyOrder: key };
}
