import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { catalogsEqual, describeCatalogDifferences } from './compare';
import { toCatalog } from './from-design';
import type { Catalog } from './types';

const expected = (): Catalog => toCatalog(loadShopDesign());

function table(catalog: Catalog, name: string) {
  return catalog.tables.find((t) => t.name === name)!;
}

describe('describeCatalogDifferences', () => {
  it('finds nothing between a catalog and its copy', () => {
    expect(describeCatalogDifferences(expected(), expected())).toEqual([]);
    expect(catalogsEqual(expected(), structuredClone(expected()))).toBe(true);
  });

  it('says how a column differs, database first, expectation second', () => {
    const actual = expected();
    const users = table(actual, 'users');
    users.columns[3]!.type = 'VARCHAR(10)';
    users.columns[2]!.nullable = false;
    users.columns[4]!.default = null;
    users.columns[0]!.comment = 'id';
    expect(describeCatalogDifferences(expected(), actual)).toEqual([
      'table "users": column "telegram_id" has comment "id" in the database, null expected',
      'table "users": column "username" is NOT NULL in the database, nullable expected',
      'table "users": column "language_code" is VARCHAR(10) in the database, VARCHAR(255) expected',
      'table "users": column "created_at" has default none in the database, now() expected',
    ]);
    expect(catalogsEqual(expected(), actual)).toBe(false);
  });

  it('counts column order unless told not to, as drift checks are', () => {
    const actual = expected();
    const users = table(actual, 'users');
    users.columns.push(users.columns.splice(1, 1)[0]!);
    expect(describeCatalogDifferences(expected(), actual)).toEqual([
      'table "users": columns are in the order telegram_id, username, language_code, created_at, referrer_id, full_name in the database, telegram_id, full_name, username, language_code, created_at, referrer_id expected',
    ]);
    expect(describeCatalogDifferences(expected(), actual, { columnOrder: false })).toEqual([]);
  });

  it('names missing and extra tables, columns and constraints', () => {
    const actual = expected();
    actual.tables = actual.tables.filter((t) => t.name !== 'products');
    actual.tables.push({ ...table(actual, 'orders'), name: 'orders_old' });
    const orders = table(actual, 'orders');
    orders.columns.push({
      name: 'note',
      type: 'TEXT',
      nullable: true,
      default: null,
      autoincrement: false,
      comment: null,
    });
    orders.foreignKeys[0]!.onDelete = 'RESTRICT';
    orders.indexes.push({ name: 'orders_user_id_idx', columns: ['user_id'], unique: false });
    table(actual, 'order_products').primaryKey = null;
    actual.enums.push({ name: 'mood', values: ['happy'] });
    expect(describeCatalogDifferences(expected(), actual)).toEqual([
      'enum "mood" is in the database but not expected',
      'table "products" is missing from the database',
      'table "orders_old" is in the database but not expected',
      'table "order_products": has no primary key in the database, "order_products_pkey" (order_id, product_id) expected',
      'table "orders": column "note" is in the database but not expected',
      'table "orders": foreign key "orders_user_id_fkey" has ON DELETE RESTRICT in the database, CASCADE expected',
      'table "orders": index "orders_user_id_idx" is in the database but not expected',
    ]);
  });

  it('notices columns in another order', () => {
    const actual = expected();
    const products = table(actual, 'products');
    products.columns = [products.columns[1]!, products.columns[0]!, ...products.columns.slice(2)];
    expect(describeCatalogDifferences(expected(), actual)).toEqual([
      'table "products": columns are in the order title, product_id, description, created_at in the database, product_id, title, description, created_at expected',
    ]);
  });
});
