/** What a foreign key's columns say about the relationship: how many rows, and whether required. */
import type { ForeignKey, Table } from '@retort/core';

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** At most one row of `table` per referenced row: the key's columns are unique together. */
export function foreignKeyIsUnique(table: Table, fk: ForeignKey): boolean {
  const pk = table.columns.filter((c) => c.primaryKey).map((c) => c.id);
  if (pk.length > 0 && sameSet(pk, fk.columns)) return true;
  if (fk.columns.length === 1 && table.columns.find((c) => c.id === fk.columns[0])?.unique) {
    return true;
  }
  return (
    table.uniques.some((u) => sameSet(u.columns, fk.columns)) ||
    table.indexes.some((i) => i.unique && sameSet(i.columns, fk.columns))
  );
}

/** Every row of `table` has a referenced row: none of the key's columns may be null. */
export function foreignKeyIsRequired(table: Table, fk: ForeignKey): boolean {
  return fk.columns.every((id) => table.columns.find((c) => c.id === id)?.nullable === false);
}

/** The key is part of the table's primary key (an identifying relationship). */
export function foreignKeyIsIdentifying(table: Table, fk: ForeignKey): boolean {
  return fk.columns.every((id) => table.columns.find((c) => c.id === id)?.primaryKey === true);
}
