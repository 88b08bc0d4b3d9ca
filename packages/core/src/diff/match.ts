/**
 * Matching by id: which tables, columns and enums of one design are which of the other's,
 * so a rename is a rename and keeps the data. Constraints are matched here too, by what
 * they do once the renames are applied (see constraints.ts).
 */
import type { Catalog, CatalogForeignKey, CatalogTable } from '../catalog/types';
import type { Design } from '../design/types';
import { objectQualifiedName } from '../naming/qualified-names';
import { CatalogState } from '../operations/apply';
import type { Operation } from '../operations/types';
import { sameJson } from '../same-json';
import { designCatalog } from './catalogs';
import { needsRecreate } from './columns';
import { compareConstraints, type NameMap } from './constraints';
import type { PlanContext, TablePair } from './context';
import { enumOf, enumsRecreatedBefore } from './enums';
import { recreatedTables } from './partitions';
import { createTables } from './tables';

export interface MatchOptions {
  /**
   * Leaves out of the plan the tables nothing can change (see `untouched`). Off only to show
   * that leaving them out changes no plan.
   */
  skipUntouched?: boolean;
}

export function matchDesigns(
  a: Design,
  b: Design,
  { skipUntouched = true }: MatchOptions = {},
): PlanContext {
  const ca = designCatalog(a);
  const cb = designCatalog(b);

  const catalogTable = (catalog: Catalog) => {
    const byName = new Map(catalog.tables.map((t) => [t.name, t]));
    return (name: string) => byName.get(name)!;
  };
  const tableA = catalogTable(ca);
  const tableB = catalogTable(cb);
  // A table dropped and created again is matched with nothing.
  const recreated = recreatedTables(a, b);
  const designB = new Map(b.tables.filter((t) => !recreated.has(t.id)).map((t) => [t.id, t]));
  const designA = new Map(a.tables.filter((t) => !recreated.has(t.id)).map((t) => [t.id, t]));
  const tableRenames = new Map<string, string>();
  const columnRenames = new Map<string, Map<string, string>>();
  for (const ta of a.tables) {
    const tb = designB.get(ta.id);
    if (!tb) continue;
    tableRenames.set(objectQualifiedName(ta), objectQualifiedName(tb));
    const columnsB = new Map(tb.columns.map((c) => [c.id, c.name]));
    const map = new Map<string, string>();
    for (const c of ta.columns) {
      const to = columnsB.get(c.id);
      if (to !== undefined) map.set(c.name, to);
    }
    columnRenames.set(objectQualifiedName(ta), map);
  }
  const names: NameMap = {
    table: (name) => tableRenames.get(name),
    column: (table, column) => columnRenames.get(table)?.get(column),
  };
  // A column that is dropped and added again (made generated) takes its indexes, keys and
  // checks with it, and the foreign keys that reference it: for them it is a new column, so
  // they are dropped before and created again after. So too when only the downgrade makes it
  // generated again (the upgrade ends its expression), so that the reverse is exact.
  const recreatedColumns = new Set<string>();
  for (const [tableName, map] of columnRenames) {
    const before = tableA(tableName);
    const after = tableB(tableRenames.get(tableName)!);
    for (const [from, to] of map) {
      const x = before.columns.find((c) => c.name === from);
      const y = after.columns.find((c) => c.name === to);
      if (x && y && (needsRecreate(x, y) || needsRecreate(y, x)))
        recreatedColumns.add(`${tableName}\0${from}`);
    }
  }
  const constraintNames: NameMap =
    recreatedColumns.size === 0
      ? names
      : {
          table: names.table,
          column: (table, column) =>
            recreatedColumns.has(`${table}\0${column}`) ? undefined : names.column(table, column),
        };
  // Enums recreated (a value removed or moved) in this direction or in the reverse one (an
  // added value is removed again by the downgrade): their columns change type one by one,
  // and Postgres refuses a foreign key between columns of the old and the new type, so such
  // keys are dropped before and created again after.
  const recreatedBefore = enumsRecreatedBefore(a, b);
  // Types and sequences that stay as they are cannot change a table from outside it.
  const calm =
    skipUntouched &&
    recreatedBefore.size === 0 &&
    sameJson(a.enums, b.enums) &&
    sameJson(a.domains, b.domains) &&
    sameJson(a.compositeTypes, b.compositeTypes) &&
    sameJson(a.sequences, b.sequences);
  const pairs: TablePair[] = [];
  const unchanged = new Set<string>();
  for (const ta of a.tables) {
    const tb = designB.get(ta.id);
    if (!tb) continue;
    const before = tableA(objectQualifiedName(ta));
    const after = tableB(objectQualifiedName(tb));
    if (calm && untouched(before, after, columnRenames.get(before.name)!, constraintNames)) {
      unchanged.add(before.name);
      continue;
    }
    const constraints = compareConstraints(before, after, constraintNames);
    const onRecreated = (fk: { before: CatalogForeignKey }) =>
      fk.before.columns.some((c) => {
        const column = before.columns.find((x) => x.name === c);
        return column !== undefined && recreatedBefore.has(enumOf(column.type));
      });
    const fks = constraints.foreignKeys;
    for (const k of fks.kept.filter(onRecreated)) {
      fks.kept.splice(fks.kept.indexOf(k), 1);
      fks.dropped.push(k.before);
      fks.created.push(k.after);
    }
    pairs.push({ before, after, constraints });
  }
  // No step of the plan changes an untouched table, so the plan's state need not copy them.
  const ops: Operation[] = [];
  const state = new CatalogState(ca, unchanged);
  const emit = (op: Operation) => {
    state.apply(op);
    ops.push(op);
  };
  const droppedTables = a.tables
    .filter((t) => !designB.has(t.id))
    .map((t) => tableA(objectQualifiedName(t)));
  const createdTables = b.tables
    .filter((t) => !designA.has(t.id))
    .map((t) => tableB(objectQualifiedName(t)));

  const enumsB = new Map(b.enums.map((e) => [e.id, e]));
  const enumsA = new Map(a.enums.map((e) => [e.id, e]));
  const droppedEnums = a.enums.filter((e) => !enumsB.has(e.id));

  return {
    before: a,
    after: b,
    catalogBefore: ca,
    catalogAfter: cb,
    pairs,
    columnRenames,
    dropping: createTables(droppedTables),
    creating: createTables(createdTables),
    enums: {
      kept: a.enums.filter((e) => enumsB.has(e.id)),
      dropped: droppedEnums,
      created: b.enums.filter((e) => !enumsA.has(e.id)),
      afterById: enumsB,
      droppedName: new Map(droppedEnums.map((e) => [e.id, objectQualifiedName(e)])),
    },
    state,
    ops,
    emit,
  };
}

/**
 * A table kept as it is, under its name, with every column and every table and column its
 * foreign keys point at: every step of the plan would find nothing to do for it, so it is
 * left out of the pairs (on a large design most tables are, and comparing them is most of a
 * diff's cost). Partitions and partitioned tables are always compared: a partition's parent
 * changes them from outside.
 */
function untouched(
  before: CatalogTable,
  after: CatalogTable,
  columns: Map<string, string>,
  names: NameMap,
): boolean {
  if (before.name !== after.name || columns.size !== before.columns.length) return false;
  for (const [from, to] of columns) if (from !== to) return false;
  for (const t of [before, after]) {
    if (t.partitionBy !== undefined || t.partitionOf !== undefined) return false;
  }
  for (const fk of before.foreignKeys) {
    if (names.table(fk.refTable) !== fk.refTable) return false;
    for (const c of fk.refColumns) if (names.column(fk.refTable, c) !== c) return false;
  }
  return sameJson(before, after);
}
