import { loadShopDesign } from '@retort/testing/designs';
import { objectsDesign } from '@retort/testing/objects-design';
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
    case 'object':
      return `${m.objectKind} ${m.name}`;
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

  it('finds views, functions, triggers and policies by name, a function without its arguments', () => {
    const design = objectsDesign();
    expect(findMatches(design, 'rich').map(label)).toEqual([
      'view rich_accounts',
      'view richest_accounts',
    ]);
    expect(findMatches(design, 'touch').map(label)).toEqual([
      'function touch()',
      'accounts.touched_at',
      'trigger accounts_touch',
    ]);
    expect(findMatches(design, 'accounts_o').map(label)).toEqual(['policy accounts_owner']);
    const [view] = findMatches(design, 'rich_accounts');
    expect(view).toMatchObject({ kind: 'object', id: 'o_rich', drawn: true });
  });

  it('finds nothing for a name that is nowhere', () => {
    expect(findMatches(shop, 'zebra')).toEqual([]);
  });
});
