import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Design } from '@retort/core';
import { validateDesign } from '@retort/core';
import { describe, expect, it } from 'vitest';
import { freeSpot, type Rect } from './free-spot';
import {
  GRID_SIZE,
  TABLE_WIDTH,
  tableBoxHeight,
  tableHeight,
  VIEW_HEIGHT,
  VIEW_WIDTH,
} from './table-size';

const shopFile = fileURLToPath(new URL('../../../../examples/shop/design.json', import.meta.url));
const shop = (): Design => validateDesign(JSON.parse(readFileSync(shopFile, 'utf8'))).design!;

function boxesOf(design: Design): Rect[] {
  return design.tables.map((t) => ({
    x: t.position!.x,
    y: t.position!.y,
    width: TABLE_WIDTH,
    height: tableBoxHeight(t),
  }));
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const newTable = (position: { x: number; y: number }): Rect => ({
  ...position,
  width: TABLE_WIDTH,
  height: tableHeight(1),
});

describe('freeSpot', () => {
  it('an empty view gets the table in its middle, a third of the way down, on the grid', () => {
    const design: Design = { ...shop(), tables: [] };
    const spot = freeSpot(design, { x: -600, y: -300, width: 1200, height: 900 });
    expect(spot.inView).toBe(true);
    expect(Number.isInteger(spot.position.x / GRID_SIZE)).toBe(true);
    expect(Number.isInteger(spot.position.y / GRID_SIZE)).toBe(true);
    expect(Math.abs(spot.position.x + TABLE_WIDTH / 2)).toBeLessThanOrEqual(GRID_SIZE);
    expect(Math.abs(spot.position.y + tableHeight(1) / 2)).toBeLessThanOrEqual(GRID_SIZE);
  });

  it('a view over the shop gets the table on a spot no table covers, inside the view', () => {
    const design = shop();
    const view = { x: -100, y: -100, width: 1400, height: 900 };
    const spot = freeSpot(design, view);
    expect(spot.inView).toBe(true);
    const box = newTable(spot.position);
    expect(Number.isInteger(box.x / GRID_SIZE) && Number.isInteger(box.y / GRID_SIZE)).toBe(true);
    for (const other of boxesOf(design)) expect(intersects(box, other)).toBe(false);
    expect(box.x).toBeGreaterThanOrEqual(view.x);
    expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);
  });

  it('a view filled with tables says the new one lands outside it, still on a free spot', () => {
    const design = shop();
    // A view no larger than the `users` table: nothing fits inside it.
    const view = { x: 0, y: 40, width: TABLE_WIDTH, height: tableHeight(6) };
    const spot = freeSpot(design, view);
    expect(spot.inView).toBe(false);
    const box = newTable(spot.position);
    for (const other of boxesOf(design)) expect(intersects(box, other)).toBe(false);
  });

  it('a view on the canvas is not covered by the new table', () => {
    const design = shop();
    const empty: Design = { ...design, tables: [] };
    const view = { x: -600, y: -300, width: 1200, height: 900 };
    const first = freeSpot(empty, view).position;
    const withView: Design = {
      ...empty,
      objects: [
        {
          id: 'o_v',
          kind: 'view',
          schema: 'public',
          name: 'v',
          table: null,
          definition: ' SELECT 1;',
          comment: null,
          dependsOn: [],
          position: first,
        },
      ],
    };
    const box = newTable(freeSpot(withView, view).position);
    expect(intersects(box, { ...first, width: VIEW_WIDTH, height: VIEW_HEIGHT })).toBe(false);
  });
});
