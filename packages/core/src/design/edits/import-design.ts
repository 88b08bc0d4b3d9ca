/**
 * Bringing an imported design (SQL or DBML read by the server) into the one being drawn:
 * either in place of it, or merged into it. A merge gives every imported object a new id; an
 * imported table or enum whose name is taken gets the next free `name_N` (an enum with the
 * same values is shared instead), and a renamed table's constraint and index names are left
 * to the naming convention, so they cannot collide with the original's.
 */
import { designIds } from '../ids';
import type { Design, EnumType, Table } from '../types';
import { copyExclusions } from './copy-exclusions';
import { newId, nextFreeName } from './new-id';

export interface ImportConflicts {
  /** Imported tables whose name the current design already has, and what they become. */
  tables: { name: string; becomes: string }[];
  /** Imported enums whose name is taken by an enum with other values, and what they become. */
  enums: { name: string; becomes: string }[];
}

export interface MergedImport {
  design: Design;
  /** The ids the imported tables got, in import order. */
  tableIds: string[];
  conflicts: ImportConflicts;
}

/** What merging `imported` into `current` would rename, without merging. */
export function importConflicts(current: Design, imported: Design): ImportConflicts {
  return mergeImportedDesign(current, imported).conflicts;
}

/** The imported design as the whole design, keeping the current design's name. */
export function replaceWithImported(current: Design, imported: Design): Design {
  return { ...imported, name: current.name };
}

export function mergeImportedDesign(current: Design, imported: Design): MergedImport {
  const ids = new Set(designIds(current));
  const fresh = (prefix: Parameters<typeof newId>[0]) => {
    const id = newId(prefix, ids);
    ids.add(id);
    return id;
  };
  const conflicts: ImportConflicts = { tables: [], enums: [] };

  const enumNames = new Set(current.enums.map((e) => e.name));
  const enumRenames = new Map<string, string>();
  const addedEnums: EnumType[] = [];
  for (const e of imported.enums) {
    const same = current.enums.find((c) => c.name === e.name);
    if (same && same.values.join('\u0000') === e.values.join('\u0000')) continue;
    const name = enumNames.has(e.name) ? nextFreeName(e.name, enumNames) : e.name;
    if (name !== e.name) {
      conflicts.enums.push({ name: e.name, becomes: name });
      enumRenames.set(e.name, name);
    }
    enumNames.add(name);
    addedEnums.push({ ...e, id: fresh('e'), name, values: [...e.values] });
  }
  const typeOf = (type: string) => {
    const array = type.endsWith('[]');
    const renamed = enumRenames.get(array ? type.slice(0, -2) : type);
    return renamed === undefined ? type : `${renamed}${array ? '[]' : ''}`;
  };

  const tableNames = new Set(current.tables.map((t) => t.name));
  const tableIdOf = new Map(imported.tables.map((t) => [t.id, fresh('t')]));
  const columnIdOf = new Map<string, string>();
  for (const t of imported.tables) for (const c of t.columns) columnIdOf.set(c.id, fresh('c'));
  const column = (id: string) => columnIdOf.get(id) ?? id;

  const added = imported.tables.map((table): Table => {
    const name = tableNames.has(table.name) ? nextFreeName(table.name, tableNames) : table.name;
    tableNames.add(name);
    const renamed = name !== table.name;
    if (renamed) conflicts.tables.push({ name: table.name, becomes: name });
    const keepName = (n: string | null) => (renamed ? null : n);
    return {
      ...table,
      id: tableIdOf.get(table.id)!,
      name,
      columns: table.columns.map((c) => ({ ...c, id: column(c.id), type: typeOf(c.type) })),
      foreignKeys: table.foreignKeys.map((fk) => ({
        ...fk,
        id: fresh('f'),
        name: keepName(fk.name),
        columns: fk.columns.map(column),
        references: {
          table: tableIdOf.get(fk.references.table) ?? fk.references.table,
          columns: fk.references.columns.map(column),
        },
      })),
      uniques: table.uniques.map((u) => ({
        ...u,
        id: fresh('u'),
        name: keepName(u.name),
        columns: u.columns.map(column),
      })),
      indexes: table.indexes.map((i) => ({
        ...i,
        id: fresh('i'),
        name: keepName(i.name),
        columns: i.columns.map(column),
      })),
      checks: table.checks.map((k) => ({ ...k, id: fresh('k'), name: keepName(k.name) })),
      ...copyExclusions(table, () => fresh('x'), column, keepName),
    };
  });
  return {
    design: {
      ...current,
      enums: [...current.enums, ...addedEnums],
      tables: [...current.tables, ...added],
    },
    tableIds: added.map((t) => t.id),
    conflicts,
  };
}
