import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Design } from '@retort/core';
import { validateDesign } from '@retort/core';
import { relationalDesign } from '@retort/testing/large-design';
import { describe, expect, it } from 'vitest';
import { fallbackPosition } from '../canvas/design-to-flow';
import { TABLE_WIDTH, tableBoxHeight } from '../canvas/table-size';
import { autoLayout, layoutMissingPositions } from './auto-layout';
import { edgeCrossings } from './edge-crossings';

const shopFile = fileURLToPath(new URL('../../../../examples/shop/design.json', import.meta.url));
const shop = (): Design => validateDesign(JSON.parse(readFileSync(shopFile, 'utf8'))).design!;

function overlaps(design: Design, positions: Record<string, { x: number; y: number }>): string[] {
  const boxes = design.tables
    .filter((t) => positions[t.id])
    .map((t) => ({
      id: t.id,
      ...positions[t.id]!,
      w: TABLE_WIDTH,
      h: tableBoxHeight(t),
    }));
  const found: string[] = [];
  for (const a of boxes) {
    for (const b of boxes) {
      if (a.id < b.id && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) {
        found.push(`${a.id}/${b.id}`);
      }
    }
  }
  return found;
}

describe('autoLayout', () => {
  it('places every table without overlaps, referencing tables left of referenced ones', async () => {
    const design = shop();
    const positions = await autoLayout(design);
    expect(Object.keys(positions).sort()).toEqual(design.tables.map((t) => t.id).sort());
    expect(overlaps(design, positions)).toEqual([]);
    expect(positions.t_orders!.x).toBeLessThan(positions.t_users!.x);
    expect(positions.t_order_products!.x).toBeLessThan(positions.t_orders!.x);
    for (const p of Object.values(positions)) {
      expect(p.x % 16).toBe(0);
      expect(p.y % 16).toBe(0);
    }
  });

  it('lays out only unplaced tables, below the placed ones', async () => {
    const design = shop();
    expect(await layoutMissingPositions(design)).toBeNull();
    const partly = {
      ...design,
      tables: design.tables.map((t) => (t.id === 't_products' ? { ...t, position: null } : t)),
    };
    const positions = (await layoutMissingPositions(partly))!;
    expect(Object.keys(positions)).toEqual(['t_products']);
    const lowest = Math.max(
      ...design.tables
        .filter((t) => t.id !== 't_products')
        .map((t) => t.position!.y + tableBoxHeight(t)),
    );
    expect(positions.t_products!.y).toBeGreaterThan(lowest);
  });
});

describe('autoLayout of a large schema', () => {
  it('packs a 150-table schema without overlaps, untangling the grid it was imported in', async () => {
    const design = relationalDesign(150);
    const grid = Object.fromEntries(design.tables.map((t, i) => [t.id, fallbackPosition(i)]));
    const positions = await autoLayout(design);
    expect(Object.keys(positions)).toHaveLength(150);
    expect(overlaps(design, positions)).toEqual([]);
    expect(edgeCrossings(design, positions)).toBeLessThan(edgeCrossings(design, grid) / 2);
    // Not one tall column: the whole is no more than twice as high as it is wide.
    const right = Math.max(...Object.values(positions).map((p) => p.x + TABLE_WIDTH));
    const bottom = Math.max(...design.tables.map((t) => positions[t.id]!.y + tableBoxHeight(t)));
    expect(bottom).toBeLessThan(right * 2);
  }, 300_000);

  it('places tables without foreign keys apart from the groups, in a grid', async () => {
    const design = relationalDesign(40);
    const positions = await autoLayout(design);
    const alone = design.tables.filter((t) => t.name.startsWith('standalone_'));
    expect(alone.length).toBeGreaterThan(1);
    const linkedBottom = Math.max(
      ...design.tables
        .filter((t) => !alone.includes(t) && !t.name.startsWith('lookup_'))
        .map((t) => positions[t.id]!.y),
    );
    for (const t of alone) expect(positions[t.id]!.y).toBeGreaterThanOrEqual(0);
    expect(new Set(alone.map((t) => positions[t.id]!.y)).size).toBeLessThan(alone.length);
    expect(linkedBottom).toBeGreaterThanOrEqual(0);
  }, 300_000);
});
