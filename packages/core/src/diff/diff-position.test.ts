/**
 * The canonical direction of `diff` depends on the schema alone: where the tables sit on the
 * canvas never changes the operations, nor their order.
 */
import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import type { Design } from '../design/types';
import { reverseOperations } from '../operations/reverse';
import { diff } from './diff';

function movedFirstTable(design: Design, x: number): Design {
  const next = structuredClone(design);
  next.tables[0]!.position = { x, y: 0 };
  return next;
}

/** A change whose plan depends on the direction it is computed in: renames mixed with alters. */
function renamedAndRetyped(design: Design): Design {
  const next = structuredClone(design);
  const users = next.tables.find((t) => t.name === 'users')!;
  const fullName = users.columns.find((c) => c.name === 'full_name')!;
  fullName.name = 'display_name';
  fullName.type = 'TEXT';
  users.columns.push({ ...fullName, id: 'col_nickname', name: 'nickname', nullable: true });
  const orders = next.tables.find((t) => t.name === 'orders')!;
  orders.name = 'purchases';
  orders.columns.find((c) => c.name === 'created_at')!.name = 'placed_at';
  return next;
}

describe('diff and canvas positions', () => {
  const shop = loadShopDesign();
  const after = renamedAndRetyped(shop);
  // `users` comes first, so its position is the first thing that differs in the designs' JSON.
  const positions = [-900, -1, 0, 1, 100, 900, 12_345];

  it('moving a table does not change the operations or their order', () => {
    const expected = diff(shop, after);
    expect(expected.length).toBeGreaterThan(3);
    for (const x of positions) {
      expect(diff(movedFirstTable(shop, x), after)).toEqual(expected);
      expect(diff(shop, movedFirstTable(after, x))).toEqual(expected);
    }
  });

  it('a table without a position diffs like a placed one', () => {
    const unplaced = structuredClone(shop);
    for (const table of unplaced.tables) table.position = null;
    expect(diff(unplaced, after)).toEqual(diff(shop, after));
  });

  it('moved tables keep the exact reverse', () => {
    for (const x of positions) {
      const before = movedFirstTable(shop, x);
      expect(diff(after, before)).toEqual(reverseOperations(diff(before, after)));
    }
  });
});
