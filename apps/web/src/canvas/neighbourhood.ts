/**
 * The tables within `hops` foreign-key steps of one table, in either direction (what it
 * references and what references it): what focus mode keeps in view.
 */
import type { Design } from '@retort/core';

export function neighbourhood(design: Design, tableId: string, hops: number): Set<string> {
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = links.get(a) ?? new Set<string>();
    set.add(b);
    links.set(a, set);
  };
  for (const table of design.tables) {
    for (const fk of table.foreignKeys) {
      link(table.id, fk.references.table);
      link(fk.references.table, table.id);
    }
  }
  const reached = new Set([tableId]);
  let frontier = [tableId];
  for (let step = 0; step < hops && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of links.get(id) ?? []) {
        if (reached.has(other)) continue;
        reached.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  return reached;
}
