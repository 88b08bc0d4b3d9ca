import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { toCatalog } from '../catalog/from-design';
import type { Design } from '../design/types';
import { diff } from '../diff/diff';
import { KEY_WIDTH_CODE } from './key-widths';
import { lintOperations } from './lint';

const retyped = (design: Design, table: string, column: string, type: string): Design => {
  const next = structuredClone(design);
  const t = next.tables.find((x) => x.name === table)!;
  t.columns.find((c) => c.name === column)!.type = type;
  return next;
};

const widthFindings = (before: Design, after: Design) => {
  const ops = diff(before, after);
  return lintOperations(ops, () => toCatalog(after))
    .filter((f) => f.code === KEY_WIDTH_CODE)
    .map((f) => ({ level: f.level, message: f.message, op: ops[f.operation]!.kind }));
};

describe('foreign-key-integer-width', () => {
  it('warns when a key column becomes narrower than the key it references', async () => {
    const shop = await loadShopDesign();
    expect(widthFindings(shop, retyped(shop, 'orders', 'user_id', 'INTEGER'))).toEqual([
      {
        level: 'warning',
        op: 'alter_column',
        message:
          'Foreign key orders_user_id_fkey: orders.user_id is INTEGER but references users.telegram_id, which is BIGINT; a key above 2147483647 will not fit in orders.user_id.',
      },
    ]);
  });

  it('warns on the referencing side when the referenced key is widened alone', async () => {
    const shop = await loadShopDesign();
    const found = widthFindings(shop, retyped(shop, 'orders', 'order_id', 'BIGINT'));
    expect(found.map((f) => [f.level, f.message.split(':')[0]])).toEqual([
      ['warning', 'Foreign key order_products_order_id_fkey'],
    ]);
  });

  it('is a notice when the referencing column is the wider one', async () => {
    const shop = await loadShopDesign();
    const found = widthFindings(shop, retyped(shop, 'order_products', 'product_id', 'BIGINT'));
    expect(found).toHaveLength(1);
    expect(found[0]!.level).toBe('notice');
  });

  it('says nothing of keys whose types match, and does not build the catalog for them', async () => {
    const shop = await loadShopDesign();
    const empty: Design = { ...shop, tables: [], enums: [] };
    expect(widthFindings(empty, shop)).toEqual([]);
    const renamedOnly = structuredClone(shop);
    renamedOnly.tables[0]!.comment = 'people';
    let built = 0;
    lintOperations(diff(shop, renamedOnly), () => {
      built++;
      return toCatalog(renamedOnly);
    });
    expect(built).toBe(0);
  });
});
