/**
 * How tangled a diagram is: the number of pairs of foreign-key edges that cross, each edge
 * taken as the straight line between the two column rows it joins, leaving and entering on
 * the sides the canvas uses (see `edgeSides` in canvas/design-to-flow.ts). A proxy for what
 * the eye sees, good for comparing two layouts of one design.
 */
import type { Design, Position } from '@retort/core';
import { edgeSides } from '../canvas/design-to-flow';
import { HANDLE_SIZE, handleBox } from '../canvas/table-size';

interface Segment {
  a: Position;
  b: Position;
  tables: [string, string];
}

export function edgeCrossings(design: Design, positions: Record<string, Position>): number {
  const tables = new Map(design.tables.map((t) => [t.id, t]));
  const segments: Segment[] = [];
  for (const table of design.tables) {
    const from = positions[table.id] ?? table.position;
    if (!from) continue;
    for (const fk of table.foreignKeys) {
      const target = tables.get(fk.references.table);
      const to = target && (positions[target.id] ?? target.position);
      if (!target || !to || target.id === table.id) continue;
      const [sourceSide, targetSide] = edgeSides(from, to, false);
      fk.columns.forEach((columnId, i) => {
        const sourceRow = table.columns.findIndex((c) => c.id === columnId);
        const targetRow = target.columns.findIndex((c) => c.id === fk.references.columns[i]);
        if (sourceRow < 0 || targetRow < 0) return;
        segments.push({
          a: point(from, handleBox(sourceRow, sourceSide)),
          b: point(to, handleBox(targetRow, targetSide)),
          tables: [table.id, target.id],
        });
      });
    }
  }
  let crossings = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const s = segments[i]!;
      const t = segments[j]!;
      // Edges that share a table meet at it; that is not a crossing.
      if (s.tables.some((id) => t.tables.includes(id))) continue;
      if (intersect(s.a, s.b, t.a, t.b)) crossings++;
    }
  }
  return crossings;
}

function point(origin: Position, box: { x: number; y: number }): Position {
  return { x: origin.x + box.x + HANDLE_SIZE / 2, y: origin.y + box.y + HANDLE_SIZE / 2 };
}

function orientation(p: Position, q: Position, r: Position): number {
  return Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
}

function intersect(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  return (
    orientation(p1, p2, q1) * orientation(p1, p2, q2) < 0 &&
    orientation(q1, q2, p1) * orientation(q1, q2, p2) < 0
  );
}
