import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { neighbourhood } from './neighbourhood';

describe('neighbourhood', () => {
  const shop = loadShopDesign();
  const id = (name: string) => shop.tables.find((t) => t.name === name)!.id;
  const names = (ids: Set<string>) =>
    shop.tables
      .filter((t) => ids.has(t.id))
      .map((t) => t.name)
      .sort();

  it('one hop: the table, what it references and what references it', () => {
    expect(names(neighbourhood(shop, id('orders'), 1))).toEqual([
      'order_products',
      'orders',
      'users',
    ]);
  });

  it('two hops reach the tables behind the neighbours', () => {
    expect(names(neighbourhood(shop, id('users'), 1))).toEqual(['orders', 'users']);
    expect(names(neighbourhood(shop, id('users'), 2))).toEqual([
      'order_products',
      'orders',
      'users',
    ]);
  });

  it('zero hops is the table alone', () => {
    expect(names(neighbourhood(shop, id('products'), 0))).toEqual(['products']);
  });
});
