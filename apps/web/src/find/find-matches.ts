/**
 * What the find palette lists for a query: tables and columns whose names contain it (case
 * and underscores ignored), best first: an exact name, then a name that starts with the
 * query, then one that contains it; tables before their columns at the same rank; shorter
 * names first. A query `orders.id` (or `orders id`) looks for columns `id*` of tables `orders*`.
 */
import type { Design } from '@retort/core';

export type FindMatch =
  | { kind: 'table'; tableId: string; table: string }
  | {
      kind: 'column';
      tableId: string;
      columnId: string;
      table: string;
      column: string;
      type: string;
    };

const fold = (text: string) => text.toLowerCase().replace(/_/g, '');

/** 0 exact, 1 prefix, 2 contains, -1 no match. */
function rank(name: string, query: string): number {
  const folded = fold(name);
  if (folded === query) return 0;
  if (folded.startsWith(query)) return 1;
  return folded.includes(query) ? 2 : -1;
}

export function findMatches(design: Design | null, query: string, limit = 50): FindMatch[] {
  if (!design) return [];
  const words = query
    .trim()
    .split(/[\s.]+/)
    .filter(Boolean)
    .map(fold);
  const scored: { match: FindMatch; score: number; length: number }[] = [];
  if (words.length === 0) {
    return design.tables
      .map((t): FindMatch => ({ kind: 'table', tableId: t.id, table: t.name }))
      .sort((a, b) => a.table.localeCompare(b.table))
      .slice(0, limit);
  }
  const [first = '', second] = words;
  for (const table of design.tables) {
    const tableRank = rank(table.name, first);
    if (second === undefined && tableRank >= 0) {
      scored.push({
        match: { kind: 'table', tableId: table.id, table: table.name },
        score: tableRank * 2,
        length: table.name.length,
      });
    }
    for (const column of table.columns) {
      const columnRank =
        second === undefined
          ? rank(column.name, first)
          : tableRank >= 0
            ? rank(column.name, second)
            : -1;
      if (columnRank < 0) continue;
      scored.push({
        match: {
          kind: 'column',
          tableId: table.id,
          columnId: column.id,
          table: table.name,
          column: column.name,
          type: column.type,
        },
        score: columnRank * 2 + 1 + (second === undefined ? 0 : tableRank * 2),
        length: table.name.length + column.name.length,
      });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.length - b.length);
  return scored.slice(0, limit).map((s) => s.match);
}
