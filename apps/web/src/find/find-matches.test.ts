import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { type FindMatch, findMatches } from './find-matches';

const label = (m: FindMatch) => (m.kind === 'table' ? m.table : `${m.table}.${m.column}`);

describe('findMatches', () => {
  const shop = loadShopDesign();

  it('lists every table by name for an empty query', () => {
    expect(findMatches(shop, '').map(label)).toEqual([
      'order_products',
      'orders',
      'products',
      'users',
    ]);
  });

  it('puts an exact table name first, then prefixes, then columns containing the query', () => {
    expect(findMatches(shop, 'orders').map(label)[0]).toBe('orders');
    const found = findMatches(shop, 'order').map(label);
    expect(found.slice(0, 2)).toEqual(['orders', 'order_products']);
    expect(found).toContain('order_products.order_id');
    expect(found.indexOf('order_products')).toBeLessThan(found.indexOf('order_products.order_id'));
  });

  it('ignores case and underscores', () => {
    expect(findMatches(shop, 'ORDERPRODUCTS').map(label)[0]).toBe('order_products');
  });

  it('finds a column of a table with "table.column"', () => {
    const found = findMatches(shop, 'users.lang');
    expect(found.map(label)).toEqual(['users.language_code']);
    expect(found[0]?.kind).toBe('column');
  });

  it('finds nothing for a name that is nowhere', () => {
    expect(findMatches(shop, 'zebra')).toEqual([]);
  });
});
