/**
 * Where "Add table" puts a new table: near the middle of what the user is looking at, on a
 * spot no other table (or view) covers, so it appears where the eye already is and hides nothing.
 */
import type { Design, Position } from '@retort/core';
import {
  GRID_SIZE,
  TABLE_WIDTH,
  tableBoxHeight,
  tableHeight,
  VIEW_HEIGHT,
  VIEW_WIDTH,
} from './table-size';

/** A rectangle in design (flow) coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FreeSpot {
  /** The new table's top-left corner, on the grid. */
  position: Position;
  /** Whether the whole new table lies inside `view`; when not, the view should be refitted. */
  inView: boolean;
}

/** Room kept between a new table and its neighbours. */
const GAP = 24;
const STEP_X = Math.ceil((TABLE_WIDTH + 2 * GAP) / GRID_SIZE) * GRID_SIZE;
const STEP_Y = 8 * GRID_SIZE;
/** How many steps out from the anchor to look before giving up on the view. */
const RINGS = 3;

function snap(value: number): number {
  return Math.round(value / GRID_SIZE) * GRID_SIZE;
}

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return !(
    a.x + a.width + gap <= b.x ||
    b.x + b.width + gap <= a.x ||
    a.y + a.height + gap <= b.y ||
    b.y + b.height + gap <= a.y
  );
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * A free spot for a one-column table near the centre of `view` (a third of the way down,
 * where the eye goes first): the nearest free spot inside the view, else the nearest free
 * spot around it, else right of every table.
 */
export function freeSpot(design: Design, view: Rect): FreeSpot {
  const boxes: Rect[] = design.tables.flatMap((t) =>
    t.position
      ? [
          {
            x: t.position.x,
            y: t.position.y,
            width: TABLE_WIDTH,
            height: tableBoxHeight(t),
          },
        ]
      : [],
  );
  // Views and materialized views take room too.
  for (const o of design.objects ?? []) {
    if (o.position && (o.kind === 'view' || o.kind === 'materialized_view')) {
      boxes.push({ ...o.position, width: VIEW_WIDTH, height: VIEW_HEIGHT });
    }
  }
  const height = tableHeight(1);
  const anchor = {
    x: snap(view.x + view.width / 2 - TABLE_WIDTH / 2),
    y: snap(view.y + view.height / 3 - height / 2),
  };
  // Candidates on a grid of table-sized steps around the anchor, nearest first.
  const steps: { dx: number; dy: number }[] = [];
  for (let dy = -RINGS; dy <= RINGS; dy++) {
    for (let dx = -RINGS; dx <= RINGS; dx++) steps.push({ dx, dy });
  }
  const distance = ({ dx, dy }: { dx: number; dy: number }) => Math.hypot(dx * STEP_X, dy * STEP_Y);
  steps.sort((a, b) => distance(a) - distance(b));
  let outside: Position | null = null;
  for (const { dx, dy } of steps) {
    const box = {
      x: anchor.x + dx * STEP_X,
      y: anchor.y + dy * STEP_Y,
      width: TABLE_WIDTH,
      height,
    };
    if (boxes.some((b) => overlaps(box, b, GAP))) continue;
    if (contains(view, box)) return { position: { x: box.x, y: box.y }, inView: true };
    outside ??= { x: box.x, y: box.y };
  }
  if (outside) return { position: outside, inView: false };
  const right = Math.max(0, ...boxes.map((b) => b.x + b.width));
  const top = Math.min(0, ...boxes.map((b) => b.y));
  return { position: { x: snap(right + 2 * GAP), y: snap(top) }, inView: false };
}
