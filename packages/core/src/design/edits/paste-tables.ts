/**
 * Copying tables within a design and between designs: the copied tables travel as JSON
 * (`retort.tables/1`), and pasting gives every table, column and constraint a new id, so a
 * copy is a new table, never a second name for the old one. Foreign keys between the copied
 * tables point at the copies; a key to a table that was not copied stays when that table is
 * in the target design and is dropped otherwise. Constraint names are left to the naming
 * convention, since two constraints of one schema cannot share a name.
 */

import { designIds } from '../ids';
import type { Design, Position, Table } from '../types';
import { copyExclusions } from './copy-exclusions';
import { newId, nextFreeName } from './new-id';
import { withoutTableObjects } from './object-edits';

export const COPIED_TABLES_FORMAT = 'retort.tables/1';

export interface CopiedTables {
  format: typeof COPIED_TABLES_FORMAT;
  tables: Table[];
}

export function copyTables(design: Design, tableIds: readonly string[]): CopiedTables {
  const wanted = new Set(tableIds);
  return { format: COPIED_TABLES_FORMAT, tables: design.tables.filter((t) => wanted.has(t.id)) };
}

/** The copied tables in `text`, or null when it is not what `copyTables` wrote. */
export function readCopiedTables(text: string): CopiedTables | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { format, tables } = value as Partial<CopiedTables>;
  if (format !== COPIED_TABLES_FORMAT || !Array.isArray(tables)) return null;
  const wellFormed = tables.every(
    (t) =>
      typeof t === 'object' &&
      t !== null &&
      typeof t.id === 'string' &&
      typeof t.name === 'string' &&
      Array.isArray(t.columns) &&
      Array.isArray(t.foreignKeys) &&
      Array.isArray(t.uniques) &&
      Array.isArray(t.indexes) &&
      Array.isArray(t.checks),
  );
  return wellFormed ? { format, tables } : null;
}

/** Adds copies of `tables`, moved by `offset`; returns the copies' ids in order. */
export function pasteTables(
  design: Design,
  tables: readonly Table[],
  offset: Position,
): { design: Design; tableIds: string[] } {
  if (tables.length === 0) return { design, tableIds: [] };
  const ids = new Set(designIds(design));
  const fresh = (prefix: Parameters<typeof newId>[0]) => {
    const id = newId(prefix, ids);
    ids.add(id);
    return id;
  };
  const tableIdOf = new Map(tables.map((t) => [t.id, fresh('t')]));
  const columnIdOf = new Map<string, string>();
  for (const table of tables) {
    for (const column of table.columns) columnIdOf.set(column.id, fresh('c'));
  }
  const names = new Set(design.tables.map((t) => t.name));
  const existing = new Map(design.tables.map((t) => [t.id, t]));
  const column = (id: string) => columnIdOf.get(id) ?? id;

  const copies = tables.map((table): Table => {
    let name = table.name;
    if (names.has(name)) {
      name = names.has(`${table.name}_copy`)
        ? nextFreeName(`${table.name}_copy`, names)
        : `${table.name}_copy`;
    }
    names.add(name);
    const foreignKeys = table.foreignKeys.flatMap((fk) => {
      const copiedTarget = tableIdOf.get(fk.references.table);
      if (copiedTarget) {
        return [
          {
            ...fk,
            id: fresh('f'),
            name: null,
            columns: fk.columns.map(column),
            references: { table: copiedTarget, columns: fk.references.columns.map(column) },
          },
        ];
      }
      const target = existing.get(fk.references.table);
      const resolves = fk.references.columns.every((id) =>
        target?.columns.some((c) => c.id === id),
      );
      return target && resolves
        ? [{ ...fk, id: fresh('f'), name: null, columns: fk.columns.map(column) }]
        : [];
    });
    const position = table.position ?? { x: 0, y: 0 };
    return {
      ...table,
      id: tableIdOf.get(table.id)!,
      name,
      position: { x: position.x + offset.x, y: position.y + offset.y },
      columns: table.columns.map((c) => ({ ...c, id: column(c.id) })),
      foreignKeys,
      uniques: table.uniques.map((u) => ({
        ...u,
        id: fresh('u'),
        name: null,
        columns: u.columns.map(column),
      })),
      indexes: table.indexes.map((i) => ({
        ...i,
        id: fresh('i'),
        name: null,
        columns: i.columns.map(column),
      })),
      checks: table.checks.map((k) => ({ ...k, id: fresh('k'), name: null })),
      // A name is given only where Postgres' own would do: a copied one would be taken.
      ...copyExclusions(
        table,
        () => fresh('x'),
        column,
        () => null,
      ),
    };
  });
  return {
    design: { ...design, tables: [...design.tables, ...copies] },
    tableIds: copies.map((t) => t.id),
  };
}

/** Removes the tables, every foreign key that points at them, and their triggers and policies. */
export function deleteTables(design: Design, tableIds: readonly string[]): Design {
  const gone = new Set(tableIds);
  if (!design.tables.some((t) => gone.has(t.id))) return design;
  const tables = design.tables
    .filter((t) => !gone.has(t.id))
    .map((t) =>
      t.foreignKeys.some((fk) => gone.has(fk.references.table))
        ? { ...t, foreignKeys: t.foreignKeys.filter((fk) => !gone.has(fk.references.table)) }
        : t,
    );
  return withoutTableObjects({ ...design, tables }, gone);
}
