import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Design } from '@retort/core';
import { validateDesign } from '@retort/core';
import { describe, expect, it } from 'vitest';
import { TABLE_WIDTH, tableHeight } from '../canvas/table-size';
import { autoLayout, layoutMissingPositions } from './auto-layout';

const shopFile = fileURLToPath(new URL('../../../../examples/shop/design.json', import.meta.url));
const shop = (): Design => validateDesign(JSON.parse(readFileSync(shopFile, 'utf8'))).design!;

function overlaps(design: Design, positions: Record<string, { x: number; y: number }>): string[] {
  const boxes = design.tables
    .filter((t) => positions[t.id])
    .map((t) => ({
      id: t.id,
      ...positions[t.id]!,
      w: TABLE_WIDTH,
      h: tableHeight(t.columns.length),
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
        .map((t) => t.position!.y + tableHeight(t.columns.length)),
    );
    expect(positions.t_products!.y).toBeGreaterThan(lowest);
  });
});
