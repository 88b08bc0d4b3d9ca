/**
 * Tables grouped by foreign keys: two tables are in one group when a chain of foreign keys
 * (in either direction) joins them. Auto-layout places each group on its own, and fitting
 * the view starts with the largest one, the most connected part of the schema.
 */
import type { Table } from '@retort/core';

/**
 * The groups of `tables`, largest first (ties keep the tables' order). Keys to tables not in
 * `tables`, and keys to or from the `apart` tables, join nothing.
 */
export function connectedComponents<T extends Pick<Table, 'id' | 'foreignKeys'>>(
  tables: readonly T[],
  apart: ReadonlySet<string> = new Set(),
): T[][] {
  const parent = new Map<string, string>(tables.map((t) => [t.id, t.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps a 1000-table chain linear.
    let node = id;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const table of tables) {
    if (apart.has(table.id)) continue;
    for (const fk of table.foreignKeys) {
      if (!parent.has(fk.references.table) || apart.has(fk.references.table)) continue;
      const a = find(table.id);
      const b = find(fk.references.table);
      if (a !== b) parent.set(b, a);
    }
  }
  const groups = new Map<string, T[]>();
  for (const table of tables) {
    const root = find(table.id);
    const group = groups.get(root);
    if (group) group.push(table);
    else groups.set(root, [table]);
  }
  // Array.prototype.sort is stable: equal sizes keep the order they were first met in.
  return [...groups.values()].sort((a, b) => b.length - a.length);
}
