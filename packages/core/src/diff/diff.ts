/**
 * `diff(before, after)`: the operations that turn the schema of one design into the other's.
 *
 * A pipeline of comparers by family (enums, tables, columns, keys and indexes, comments)
 * feeding one ordering pass. Tables, columns and enums are matched by id, so a rename is a
 * rename and keeps the data; constraints are matched by what they do (see constraints.ts).
 *
 * The order of one run (`plan`):
 *  1. drop foreign keys that go (and the keys of tables that go),
 *  2. drop tables that go (reverse foreign-key order),
 *  3. drop other constraints and indexes that go, 4. drop columns that go,
 *  5. renames: enums, tables, columns, then constraint and index names,
 *  6. change columns away from an enum about to be recreated, 7. change enum values,
 *  8. create new enums, 9. change columns and table comments, 10. drop enums that go,
 *  11. add columns, 12. create tables (foreign-key order), 13. create constraints and
 *  indexes, 14. create foreign keys.
 *
 * Exact reverse: `diff(b, a)` must equal `reverseOperations(diff(a, b))`, and a fixed phase
 * order cannot give that once renames and alters mix (the reverse of "rename, then alter"
 * is "alter, then rename"). So the plan is computed in one canonical direction only, the
 * one from the design whose schema JSON (canvas positions left out) sorts first, and the
 * other direction is its exact reverse.
 * The reverse of a valid run is a valid run (each reversed step meets the state its
 * original left), so both directions are valid migrations and the property holds by
 * construction.
 */
import { toCatalog } from '../catalog/from-design';
import type {
  Catalog,
  CatalogColumn,
  CatalogEnum,
  CatalogForeignKey,
  CatalogTable,
} from '../catalog/types';
import type { Design } from '../design/types';
import { CatalogState } from '../operations/apply';
import { detectEnumRenames, enumChange } from '../operations/enum-change';
import { reverseOperations } from '../operations/reverse';
import type { AlterColumn, Operation } from '../operations/types';
import { compareConstraints, type NameMap, type TableConstraints } from './constraints';
import { scheduleRenames, temporaryName } from './renames';
import { createTables } from './tables';

export function diff(before: Design, after: Design): Operation[] {
  return directionKey(before) <= directionKey(after)
    ? plan(before, after)
    : reverseOperations(plan(after, before));
}

/**
 * What the plan reads of a design, and nothing else: moving a table on the canvas or
 * renaming the design must not flip the canonical direction, which would reorder the
 * operations shown for the same schema change.
 */
function directionKey(design: Design): string {
  return JSON.stringify({
    enums: design.enums,
    tables: design.tables.map(({ position: _position, ...table }) => table),
  });
}

interface TablePair {
  before: CatalogTable;
  after: CatalogTable;
  constraints: TableConstraints;
}

function sameColumn(a: CatalogColumn, b: CatalogColumn): boolean {
  return (
    a.type === b.type &&
    a.nullable === b.nullable &&
    a.default === b.default &&
    a.autoincrement === b.autoincrement &&
    a.comment === b.comment
  );
}

function enumOf(type: string): string {
  return type.endsWith('[]') ? type.slice(0, -2) : type;
}

function plan(a: Design, b: Design): Operation[] {
  const ca = toCatalog(a);
  const cb = toCatalog(b);
  const ops: Operation[] = [];
  const state = new CatalogState(ca);
  const emit = (op: Operation) => {
    state.apply(op);
    ops.push(op);
  };

  // ---- matching by id ----
  const catalogTable = (catalog: Catalog) => {
    const byName = new Map(catalog.tables.map((t) => [t.name, t]));
    return (name: string) => byName.get(name)!;
  };
  const tableA = catalogTable(ca);
  const tableB = catalogTable(cb);
  const designB = new Map(b.tables.map((t) => [t.id, t]));
  const designA = new Map(a.tables.map((t) => [t.id, t]));
  const tableRenames = new Map<string, string>();
  const columnRenames = new Map<string, Map<string, string>>();
  for (const ta of a.tables) {
    const tb = designB.get(ta.id);
    if (!tb) continue;
    tableRenames.set(ta.name, tb.name);
    const columnsB = new Map(tb.columns.map((c) => [c.id, c.name]));
    const map = new Map<string, string>();
    for (const c of ta.columns) {
      const to = columnsB.get(c.id);
      if (to !== undefined) map.set(c.name, to);
    }
    columnRenames.set(ta.name, map);
  }
  const names: NameMap = {
    table: (name) => tableRenames.get(name),
    column: (table, column) => columnRenames.get(table)?.get(column),
  };
  // Enums recreated (a value removed or moved) in this direction or in the reverse one (an
  // added value is removed again by the downgrade): their columns change type one by one,
  // and Postgres refuses a foreign key between columns of the old and the new type, so such
  // keys are dropped before and created again after.
  const recreatedBefore = new Set(
    a.enums
      .filter((e) => {
        const after = b.enums.find((x) => x.id === e.id);
        if (!after || JSON.stringify(after.values) === JSON.stringify(e.values)) return false;
        const renames = detectEnumRenames(e.values, after.values);
        return enumChange({ before: e.values, after: after.values, renames }).kind !== 'rename';
      })
      .map((e) => e.name),
  );
  const pairs: TablePair[] = [];
  for (const ta of a.tables) {
    const tb = designB.get(ta.id);
    if (!tb) continue;
    const before = tableA(ta.name);
    const after = tableB(tb.name);
    const constraints = compareConstraints(before, after, names);
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
  const droppedTables = a.tables.filter((t) => !designB.has(t.id)).map((t) => tableA(t.name));
  const createdTables = b.tables.filter((t) => !designA.has(t.id)).map((t) => tableB(t.name));

  const enumsB = new Map(b.enums.map((e) => [e.id, e]));
  const enumsA = new Map(a.enums.map((e) => [e.id, e]));
  const keptEnums = a.enums.filter((e) => enumsB.has(e.id));
  const droppedEnums = a.enums.filter((e) => !enumsB.has(e.id));
  const createdEnums = b.enums.filter((e) => !enumsA.has(e.id));

  // ---- 1. foreign keys that go ----
  const dropping = createTables(droppedTables);
  for (const p of pairs) {
    for (const fk of p.constraints.foreignKeys.dropped) {
      emit({ kind: 'drop_foreign_key', table: p.before.name, foreignKey: fk });
    }
  }
  for (const op of reverseOperations(dropping.foreignKeys)) emit(op);
  // ---- 2. tables that go ----
  for (const op of reverseOperations(dropping.tables)) emit(op);
  // ---- 3. constraints and indexes that go ----
  for (const p of pairs) {
    const c = p.constraints;
    const table = p.before.name;
    for (const index of c.indexes.dropped) emit({ kind: 'drop_index', table, index });
    for (const check of c.checks.dropped) emit({ kind: 'drop_check', table, check });
    for (const unique of c.uniques.dropped) emit({ kind: 'drop_unique', table, unique });
    for (const primaryKey of c.primaryKey.dropped) {
      emit({ kind: 'drop_primary_key', table, primaryKey });
    }
  }
  // ---- 4. columns that go ----
  // Last column first: the reverse of this step adds them back in the table's order, and
  // Postgres appends every added column, so the order of the adds is the order of the columns.
  for (const p of pairs) {
    const kept = columnRenames.get(p.before.name)!;
    for (const column of [...p.before.columns].reverse()) {
      if (!kept.has(column.name)) emit({ kind: 'drop_column', table: p.before.name, column });
    }
  }

  // ---- 5. renames ----
  const enumTargets = new Set(b.enums.map((e) => e.name));
  const enumNamesNow = new Set(state.catalog.enums.map((e) => e.name));
  const reservedTypes = new Set([...enumTargets, ...enumNamesNow]);
  const droppedEnumName = new Map(droppedEnums.map((e) => [e.id, e.name]));
  for (const e of droppedEnums) {
    // An enum that goes but whose name is wanted steps aside until it is dropped.
    if (!enumTargets.has(e.name)) continue;
    const temp = temporaryName(e.name, (n) => reservedTypes.has(n));
    reservedTypes.add(temp);
    emit({ kind: 'rename_enum', from: e.name, to: temp });
    droppedEnumName.set(e.id, temp);
  }
  const enumRenames = keptEnums.map((e) => ({ from: e.name, to: enumsB.get(e.id)!.name }));
  const presentEnums = new Set(state.catalog.enums.map((e) => e.name));
  for (const r of scheduleRenames(enumRenames, presentEnums, reservedTypes)) {
    emit({ kind: 'rename_enum', ...r });
  }
  const presentTables = new Set(state.catalog.tables.map((t) => t.name));
  const reservedTables = new Set([...presentTables, ...cb.tables.map((t) => t.name)]);
  for (const r of scheduleRenames(
    pairs.map((p) => ({ from: p.before.name, to: p.after.name })),
    presentTables,
    reservedTables,
  )) {
    emit({ kind: 'rename_table', ...r });
  }
  for (const p of pairs) {
    const table = p.after.name;
    const renames = [...columnRenames.get(p.before.name)!].map(([from, to]) => ({ from, to }));
    const present = new Set(state.table(table)!.columns.map((c) => c.name));
    const reserved = new Set([...present, ...p.after.columns.map((c) => c.name)]);
    for (const r of scheduleRenames(renames, present, reserved)) {
      const column = state.column(table, r.from)!;
      emit({ kind: 'alter_column', table, before: column, after: { ...column, name: r.to } });
    }
  }
  const constraintRenames: { table: string; from: string; to: string; index: boolean }[] = [];
  for (const p of pairs) {
    const c = p.constraints;
    const table = p.after.name;
    for (const list of [c.primaryKey, c.foreignKeys, c.uniques, c.checks]) {
      for (const k of list.kept) {
        constraintRenames.push({ table, from: k.before.name, to: k.after.name, index: false });
      }
    }
    for (const k of c.indexes.kept) {
      constraintRenames.push({ table, from: k.before.name, to: k.after.name, index: true });
    }
  }
  const presentConstraints = new Set(
    state.catalog.tables.flatMap((t) => [
      ...(t.primaryKey ? [t.primaryKey.name] : []),
      ...[...t.foreignKeys, ...t.uniques, ...t.checks, ...t.indexes].map((x) => x.name),
    ]),
  );
  const constraintKey = (table: string, name: string) => `${table}\u0000${name}`;
  const byKey = new Map(constraintRenames.map((r) => [constraintKey(r.table, r.from), r]));
  // Names are scheduled schema-wide: index names (and the indexes behind keys) share one
  // namespace, and a wider namespace only adds caution.
  const owner = new Map<string, string>();
  for (const r of constraintRenames) owner.set(r.from, r.table);
  for (const step of scheduleRenames(
    constraintRenames.map((r) => ({ from: r.from, to: r.to })),
    presentConstraints,
    new Set([...presentConstraints, ...constraintRenames.map((r) => r.to)]),
  )) {
    const table = owner.get(step.from)!;
    const original = byKey.get(constraintKey(table, step.from));
    const isIndex = original?.index ?? indexNames(state, table).has(step.from);
    owner.set(step.to, table);
    emit({ kind: isIndex ? 'rename_index' : 'rename_constraint', table, ...step });
  }

  // ---- 6-10. enum values, column changes, enum creation and removal ----
  const changedEnums = keptEnums
    .map((e) => ({ before: e, after: enumsB.get(e.id)! }))
    .filter(({ before, after }) => JSON.stringify(before.values) !== JSON.stringify(after.values));
  const recreated = new Set(
    changedEnums
      .filter(({ before, after }) => {
        const renames = detectEnumRenames(before.values, after.values);
        return (
          enumChange({ before: before.values, after: after.values, renames }).kind === 'recreate'
        );
      })
      .map(({ after }) => after.name),
  );
  const alters: { early: boolean; op: AlterColumn }[] = [];
  const columnAlter = (p: TablePair, column: CatalogColumn): AlterColumn | null => {
    const current = state.column(p.after.name, column.name)!;
    return sameColumn(current, column)
      ? null
      : { kind: 'alter_column', table: p.after.name, before: current, after: column };
  };
  for (const p of pairs) {
    const kept = new Set(columnRenames.get(p.before.name)!.values());
    for (const column of p.after.columns) {
      if (!kept.has(column.name)) continue;
      const current = state.column(p.after.name, column.name)!;
      if (recreated.has(enumOf(current.type)) && current.type !== column.type) {
        const op = columnAlter(p, column);
        if (op) alters.push({ early: true, op });
      }
    }
  }
  for (const { op } of alters) emit(op);
  for (const { before, after } of changedEnums) {
    emit({
      kind: 'alter_enum',
      name: after.name,
      before: [...before.values],
      after: [...after.values],
      renames: detectEnumRenames(before.values, after.values),
      usages: state.usages(after.name),
    });
  }
  for (const e of createdEnums) {
    const created: CatalogEnum = { name: e.name, values: [...e.values] };
    emit({ kind: 'create_enum', enum: created });
  }
  for (const p of pairs) {
    const kept = new Set(columnRenames.get(p.before.name)!.values());
    for (const column of p.after.columns) {
      if (!kept.has(column.name)) continue;
      const op = columnAlter(p, column);
      if (op) emit(op);
    }
    const comment = state.table(p.after.name)!.comment;
    if (comment !== p.after.comment) {
      emit({ kind: 'set_table_comment', table: p.after.name, from: comment, to: p.after.comment });
    }
  }
  for (const e of droppedEnums) {
    const name = droppedEnumName.get(e.id)!;
    emit({ kind: 'drop_enum', enum: { name, values: [...e.values] } });
  }

  // ---- 11. columns that come ----
  for (const p of pairs) {
    const kept = new Set(columnRenames.get(p.before.name)!.values());
    for (const column of p.after.columns) {
      if (!kept.has(column.name)) emit({ kind: 'add_column', table: p.after.name, column });
    }
  }
  // ---- 12. tables that come ----
  const creating = createTables(createdTables);
  for (const op of creating.tables) emit(op);
  // ---- 13-14. constraints and indexes that come ----
  for (const p of pairs) {
    const c = p.constraints;
    const table = p.after.name;
    for (const primaryKey of c.primaryKey.created) {
      emit({ kind: 'create_primary_key', table, primaryKey });
    }
    for (const unique of c.uniques.created) emit({ kind: 'create_unique', table, unique });
    for (const check of c.checks.created) emit({ kind: 'create_check', table, check });
    for (const index of c.indexes.created) emit({ kind: 'create_index', table, index });
  }
  for (const op of creating.foreignKeys) emit(op);
  for (const p of pairs) {
    for (const fk of p.constraints.foreignKeys.created) {
      emit({ kind: 'create_foreign_key', table: p.after.name, foreignKey: fk });
    }
  }
  return ops;
}

function indexNames(state: CatalogState, table: string): Set<string> {
  return new Set(state.table(table)?.indexes.map((i) => i.name) ?? []);
}
