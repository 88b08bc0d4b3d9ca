import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import {
  applyDesignChange,
  applyDesignChanges,
  BASE_DESIGN,
  designChange,
  designHash,
} from './design-change';

describe('a design change', () => {
  const shop = loadShopDesign();

  it('rebuilds the design it was taken from, from the empty design', () => {
    const change = designChange(BASE_DESIGN, shop);
    expect(change.fields).toEqual({ name: shop.name });
    expect(applyDesignChange(BASE_DESIGN, change)).toEqual(shop);
  });

  it('holds only a position for a table that only moved, and shares the tables that did not change', () => {
    const moved = structuredClone(shop);
    moved.tables[1]!.position = { x: 999, y: 5 };
    const change = designChange(shop, moved);
    expect(change).toEqual({ layout: { [moved.tables[1]!.id]: { x: 999, y: 5 } } });
    const replayed = applyDesignChange(shop, change);
    expect(replayed).toEqual(moved);
    expect(replayed.tables[0]).toBe(shop.tables[0]);
  });

  it('keeps removals, additions and a new order', () => {
    const next = structuredClone(shop);
    const [first, ...rest] = next.tables;
    next.tables = [...rest.reverse(), { ...first!, id: 't_new', name: 'newcomers' }];
    next.tables.splice(1, 1);
    const change = designChange(shop, next);
    expect(change.removedTables).toHaveLength(2);
    expect(change.tableOrder).toEqual(next.tables.map((t) => t.id));
    expect(applyDesignChange(shop, change)).toEqual(next);
    expect(designHash(applyDesignChange(shop, change))).toBe(designHash(next));
  });

  it('hashes a design the same whatever the order of its keys, and differently when it changes', () => {
    const { format, name, enums, tables } = shop;
    expect(designHash({ tables, enums, name, format })).toBe(designHash(shop));
    expect(designHash({ ...shop, name: 'other' })).not.toBe(designHash(shop));
  });

  it('replays a chain of changes in one pass to the design each step leads to', () => {
    const moved = structuredClone(shop);
    moved.tables[0]!.position = { x: 7, y: 7 };
    const grown = structuredClone(moved);
    grown.tables.push({ ...structuredClone(grown.tables[1]!), id: 't_more', name: 'more' });
    grown.tables[2]!.comment = 'changed';
    const reordered = structuredClone(grown);
    reordered.tables.reverse();
    reordered.tables.splice(2, 1);
    const renamed = { ...structuredClone(reordered), name: 'renamed shop' };
    const designs = [shop, moved, grown, reordered, renamed];
    const changes = designs.map((d, i) => designChange(i === 0 ? BASE_DESIGN : designs[i - 1]!, d));
    expect(changes[2]!.tables?.map((t) => t.id)).toContain('t_more');
    expect(changes[3]!.tableOrder).toBeDefined();
    for (let i = 0; i < designs.length; i++) {
      const replayed = applyDesignChanges(BASE_DESIGN, changes.slice(0, i + 1));
      expect(replayed).toEqual(designs[i]);
      expect(JSON.stringify(replayed)).toBe(JSON.stringify(designs[i]));
    }
  });
});
