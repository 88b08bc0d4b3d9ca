import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../design/parse';
import { toCatalog } from './from-design';
import type { Catalog } from './types';

/** `UPDATE_GOLDEN=1 npx vitest run packages/core/src/catalog` rewrites the golden files. */
function expectGolden(name: string, catalog: Catalog): void {
  const path = fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
  const text = `${JSON.stringify(catalog, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

describe('toCatalog', () => {
  it('turns the shop example into what Postgres holds after the tutorial', () => {
    expectGolden('shop.catalog.json', toCatalog(loadShopDesign()));
  });

  it('turns the every-feature design into its catalog', () => {
    expectGolden('every-feature.catalog.json', toCatalog(parseDesign(everyFeatureDesign)));
  });

  it('names the unique constraint of a unique column <table>_<column>_key and de-duplicates clashes', () => {
    const design = parseDesign({
      format: 'retort.design/5',
      name: 'x',
      tables: [
        {
          id: 't',
          name: 'users',
          columns: [
            { id: 'a', name: 'username', type: 'text', unique: true },
            { id: 'b', name: 'email', type: 'text' },
          ],
          uniques: [{ id: 'u', name: 'users_username_key', columns: ['b'] }],
          indexes: [
            { id: 'i1', name: null, columns: ['b'] },
            { id: 'i2', name: null, columns: ['b'], unique: true },
          ],
        },
      ],
    });
    const table = toCatalog(design).tables[0]!;
    expect(table.uniques).toEqual([
      { name: 'users_username_key', columns: ['email'] },
      { name: 'users_username_key1', columns: ['username'] },
    ]);
    expect(table.indexes).toEqual([
      { name: 'users_email_idx', columns: ['email'], unique: false },
      { name: 'users_email_idx1', columns: ['email'], unique: true },
    ]);
    expect(table.primaryKey).toBeNull();
  });

  it('keeps an autoincrement column integer-typed with no default, and sorts by name', () => {
    const catalog = toCatalog(loadShopDesign());
    expect(catalog.tables.map((t) => t.name)).toEqual([
      'order_products',
      'orders',
      'products',
      'users',
    ]);
    const orderId = catalog.tables[1]!.columns[0]!;
    expect(orderId).toEqual({
      name: 'order_id',
      type: 'INTEGER',
      nullable: false,
      default: null,
      autoincrement: true,
      comment: null,
    });
  });
});
