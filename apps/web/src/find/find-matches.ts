/**
 * What the find palette lists for a query: tables and columns whose names contain it (case
 * and underscores ignored), best first: an exact name, then a name that starts with the
 * query, then one that contains it; tables before their columns at the same rank; shorter
 * names first. A query `orders.id` (or `orders id`) looks for columns `id*` of tables `orders*`.
 * Subject areas (by name) and notes (by any word of their text) are found too, after the
 * tables and columns of the same rank, and so are views, functions, triggers and policies (by
 * name, a function's without its arguments), beside the tables of the same rank.
 */
import { bareName, canvasOf, type Design, OBJECT_KIND_WORDS } from '@retort/core';

export type FindMatch =
  | { kind: 'table'; tableId: string; table: string }
  | {
      kind: 'column';
      tableId: string;
      columnId: string;
      table: string;
      column: string;
      type: string;
    }
  | { kind: 'area'; id: string; name: string }
  | { kind: 'note'; id: string; text: string }
  | { kind: 'object'; id: string; name: string; objectKind: string; drawn: boolean };

/** A note's first line, shortened: how the palette names it. */
export function noteLabel(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  if (line === '') return '(empty note)';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

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
    return [...design.tables]
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, limit)
      .map((t): FindMatch => ({ kind: 'table', tableId: t.id, table: t.name }));
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
  if (second === undefined) {
    for (const o of design.objects ?? []) {
      if (o.kind === 'row_security' || o.kind === 'force_row_security') continue;
      const objectRank = rank(bareName(o), first);
      if (objectRank < 0) continue;
      scored.push({
        match: {
          kind: 'object',
          id: o.id,
          name: o.name,
          objectKind: OBJECT_KIND_WORDS[o.kind],
          drawn: o.kind === 'view' || o.kind === 'materialized_view',
        },
        score: objectRank * 2,
        length: o.name.length,
      });
    }
    // Ranked as a column of the same rank would be: after the tables, beside the columns.
    const canvas = canvasOf(design);
    for (const area of canvas.areas) {
      const areaRank = rank(area.name, first);
      if (areaRank < 0) continue;
      scored.push({
        match: { kind: 'area', id: area.id, name: area.name },
        score: areaRank * 2 + 1,
        length: area.name.length,
      });
    }
    for (const note of canvas.notes) {
      const noteRank = Math.min(
        ...note.text
          .split(/\s+/)
          .filter(Boolean)
          .map((word) => rank(word, first))
          .map((r) => (r < 0 ? Number.POSITIVE_INFINITY : r)),
        fold(note.text).includes(first) ? 2 : Number.POSITIVE_INFINITY,
      );
      if (!Number.isFinite(noteRank)) continue;
      scored.push({
        match: { kind: 'note', id: note.id, text: noteLabel(note.text) },
        score: noteRank * 2 + 1,
        length: note.text.length,
      });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.length - b.length);
  return scored.slice(0, limit).map((s) => s.match);
}
