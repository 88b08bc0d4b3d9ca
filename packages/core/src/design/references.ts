/**
 * What a foreign key may reference. Postgres accepts only a column set that is the primary
 * key or exactly unique (a unique column, a unique constraint or a unique index); validation
 * and the editor's drawn foreign keys both ask this one rule. A partial or expression unique
 * index does not count.
 */
import type { Table } from './types';

/** Every column set of `table` a foreign key may reference. */
function uniqueSets(table: Table, deferrable = false): Set<string>[] {
  const sets: Set<string>[] = [];
  const pk = table.columns.filter((c) => c.primaryKey).map((c) => c.id);
  // Postgres refuses a deferrable key as a foreign key's target.
  if (pk.length > 0 && (table.primaryKeyDeferrable === true) === deferrable) sets.push(new Set(pk));
  if (deferrable) {
    for (const unique of table.uniques) if (unique.deferrable) sets.push(new Set(unique.columns));
    return sets;
  }
  for (const column of table.columns) if (column.unique) sets.push(new Set([column.id]));
  for (const unique of table.uniques) if (!unique.deferrable) sets.push(new Set(unique.columns));
  for (const index of table.indexes) {
    // Postgres references only a plain unique index: whole-table, column keys.
    const plain = index.where === null && (index.keys ?? []).every((k) => k.column !== null);
    if (index.unique && plain) sets.push(new Set(index.columns));
  }
  return sets;
}

/** True when the columns (ids, in any order) are the table's primary key or a unique set. */
export function isReferenceable(
  table: Table,
  columnIds: readonly string[],
  deferrable = false,
): boolean {
  const wanted = new Set(columnIds);
  return uniqueSets(table, deferrable).some(
    (set) => set.size === wanted.size && [...set].every((id) => wanted.has(id)),
  );
}
