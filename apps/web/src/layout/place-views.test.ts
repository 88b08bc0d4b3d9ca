import type { Design } from '@retort/core';
import { objectsDesign } from '@retort/testing/objects-design';
import { describe, expect, it } from 'vitest';
import { TABLE_WIDTH, VIEW_HEIGHT, VIEW_WIDTH } from '../canvas/table-size';
import { placeViews } from './place-views';

const placed = (): Design => {
  const design = objectsDesign();
  return {
    ...design,
    tables: design.tables.map((t) => ({ ...t, position: { x: 0, y: 0 } })),
  };
};

describe('placeViews', () => {
  it('puts a view right of what it reads, and a view over it further right', () => {
    const positions = placeViews(placed());
    expect(Object.keys(positions).sort()).toEqual(['o_rich', 'o_richest']);
    expect(positions.o_rich!.x).toBeGreaterThanOrEqual(TABLE_WIDTH);
    expect(positions.o_rich!.y).toBe(0);
    expect(positions.o_richest!.x).toBeGreaterThanOrEqual(positions.o_rich!.x + VIEW_WIDTH);
  });

  it('keeps views that have a place, and moves a new one off what is there', () => {
    const design = placed();
    const first = placeViews(design);
    const withRich = {
      ...design,
      objects: design.objects!.map((o) =>
        o.id === 'o_rich' ? { ...o, position: first.o_rich! } : o,
      ),
    };
    const tables = { t_accounts: { x: 0, y: 0 } };
    const again = placeViews(withRich, tables);
    expect(Object.keys(again)).toEqual(['o_richest']);
    // A second view over the same table goes below the first.
    const twin = {
      ...withRich,
      objects: [
        ...withRich.objects!,
        { ...withRich.objects!.find((o) => o.id === 'o_rich')!, id: 'o_twin', name: 'twin' },
      ].map((o) => (o.id === 'o_twin' ? { ...o, position: undefined } : o)),
    };
    const twinSpot = placeViews(twin, tables).o_twin!;
    expect(twinSpot.x).toBe(first.o_rich!.x);
    expect(twinSpot.y).toBeGreaterThanOrEqual(first.o_rich!.y + VIEW_HEIGHT);
  });

  it('every view again with `all`', () => {
    expect(Object.keys(placeViews(placed(), {}, { all: true })).sort()).toEqual([
      'o_rich',
      'o_richest',
    ]);
  });
});
