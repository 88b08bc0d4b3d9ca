/**
 * Where views and materialized views go: each to the right of the rightmost table or view it
 * reads, level with the first of them, moved down past anything already there. Views are
 * placed after what they read (a view over a view lands right of that view), so a chain of
 * views reads left to right like the foreign keys do. Views that read nothing drawn line up
 * right of the whole diagram. This is a pass over the views alone: tables are laid out first
 * (elkjs, see auto-layout.ts) and never move for a view, so a thousand-table layout costs
 * what it did.
 */
import { type Design, type DesignObject, DRAWN_OBJECT_KINDS, type Position } from '@retort/core';
import {
  GRID_SIZE,
  TABLE_WIDTH,
  tableBoxHeight,
  VIEW_HEIGHT,
  VIEW_WIDTH,
} from '../canvas/table-size';

const GAP_X = 96;
const GAP_Y = 32;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The views of a design, in an order where each comes after the views it reads. */
function viewsInOrder(design: Design): DesignObject[] {
  const views = (design.objects ?? []).filter((o) => DRAWN_OBJECT_KINDS.has(o.kind));
  const byId = new Map(views.map((v) => [v.id, v]));
  const done = new Set<string>();
  const out: DesignObject[] = [];
  const visit = (view: DesignObject, path: Set<string>) => {
    if (done.has(view.id) || path.has(view.id)) return;
    path.add(view.id);
    for (const dep of view.dependsOn) {
      const other = byId.get(dep);
      if (other) visit(other, path);
    }
    done.add(view.id);
    out.push(view);
  };
  for (const view of views) visit(view, new Set());
  return out;
}

/**
 * Positions for the views that have none (or for every view with `all`), keyed by id, given
 * where the tables are (`tablePositions` over the design's own).
 */
export function placeViews(
  design: Design,
  tablePositions: Record<string, Position> = {},
  options: { all?: boolean } = {},
): Record<string, Position> {
  const boxes = new Map<string, Box>();
  for (const table of design.tables) {
    const p = tablePositions[table.id] ?? table.position;
    if (p) {
      boxes.set(table.id, {
        ...p,
        width: TABLE_WIDTH,
        height: tableBoxHeight(table),
      });
    }
  }
  const views = viewsInOrder(design);
  for (const view of views) {
    if (view.position && !options.all) {
      boxes.set(view.id, { ...view.position, width: VIEW_WIDTH, height: VIEW_HEIGHT });
    }
  }
  const placed: Record<string, Position> = {};
  const all = () => [...boxes.values()];
  for (const view of views) {
    if (view.position && !options.all) continue;
    const read = view.dependsOn.flatMap((id) => {
      const box = boxes.get(id);
      return box ? [box] : [];
    });
    let spot: Position;
    if (read.length > 0) {
      const right = Math.max(...read.map((b) => b.x + b.width));
      spot = { x: snap(right + GAP_X), y: snap(read[0]!.y) };
    } else {
      const boxesNow = all();
      const right = boxesNow.length > 0 ? Math.max(...boxesNow.map((b) => b.x + b.width)) : 0;
      const top = boxesNow.length > 0 ? Math.min(...boxesNow.map((b) => b.y)) : 0;
      spot = { x: snap(right + GAP_X), y: snap(top) };
    }
    spot = firstFree(spot, all());
    placed[view.id] = spot;
    boxes.set(view.id, { ...spot, width: VIEW_WIDTH, height: VIEW_HEIGHT });
  }
  return placed;
}

/**
 * The spot itself, or the first one below it that overlaps nothing: only the boxes in the
 * spot's column can be in the way, and they are walked top to bottom once (a thousand tables
 * and hundreds of views place in milliseconds).
 */
function firstFree(spot: Position, boxes: readonly Box[]): Position {
  const column = boxes
    .filter((b) => spot.x < b.x + b.width + GAP_Y && b.x < spot.x + VIEW_WIDTH + GAP_Y)
    .sort((a, b) => a.y - b.y);
  let y = spot.y;
  for (const b of column) {
    const box = { x: spot.x, y, width: VIEW_WIDTH, height: VIEW_HEIGHT };
    if (overlaps(box, b)) y = Math.max(y, snap(b.y + b.height + GAP_Y));
  }
  return { x: spot.x, y };
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width + GAP_Y &&
    b.x < a.x + a.width + GAP_Y &&
    a.y < b.y + b.height + GAP_Y &&
    b.y < a.y + a.height + GAP_Y
  );
}

function snap(value: number): number {
  return Math.round(value / GRID_SIZE) * GRID_SIZE;
}
