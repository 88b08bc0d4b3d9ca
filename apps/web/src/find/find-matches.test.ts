import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { type FindMatch, findMatches } from './find-matches';

const label = (m: FindMatch) => {
  switch (m.kind) {
    case 'table':
      return m.table;
    case 'column':
      return `${m.table}.${m.column}`;
    case 'area':
      return `area ${m.name}`;
    case 'note':
      return `note ${m.text}`;
  }
};

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

  it('finds subject areas by name and notes by a word of their text, after the tables', () => {
    const design = {
      ...shop,
      canvas: {
        areas: [
          {
            id: 'a1',
            name: 'Sales',
            color: '#3b82f6',
            position: { x: 0, y: 0 },
            width: 400,
            height: 300,
          },
        ],
        notes: [
          {
            id: 'n1',
            text: 'Orders are never deleted.\nAsk finance first.',
            position: { x: 0, y: 0 },
            width: 220,
            height: 120,
          },
          {
            id: 'n2',
            text: 'Users log in with Telegram.',
            position: { x: 0, y: 0 },
            width: 220,
            height: 120,
          },
        ],
      },
    };
    expect(findMatches(design, 'sal').map(label)).toEqual(['area Sales']);
    expect(findMatches(design, 'finance').map(label)).toEqual(['note Orders are never deleted.']);
    const orders = findMatches(design, 'orders').map(label);
    expect(orders[0]).toBe('orders');
    expect(orders).toContain('note Orders are never deleted.');
    expect(findMatches(design, 'telegram').map(label)).toEqual([
      'users.telegram_id',
      'note Users log in with Telegram.',
    ]);
    // "table.column" queries look at columns only.
    expect(findMatches(design, 'users.tele').map(label)).toEqual(['users.telegram_id']);
  });

  it('finds nothing for a name that is nowhere', () => {
    expect(findMatches(shop, 'zebra')).toEqual([]);
  });
});
