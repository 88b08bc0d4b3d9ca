import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Design } from '../types';
import { validateDesign } from '../validate';
import { copyTables, deleteTables, pasteTables, readCopiedTables } from './paste-tables';

const shopFile = fileURLToPath(
  new URL('../../../../../examples/shop/design.json', import.meta.url),
);
const shop = (): Design => validateDesign(JSON.parse(readFileSync(shopFile, 'utf8'))).design!;

describe('copying and pasting tables', () => {
  it('a pasted copy is a new valid table, keyed to the copied table it referenced', () => {
    const design = shop();
    const copied = readCopiedTables(
      JSON.stringify(copyTables(design, ['t_orders', 't_order_products'])),
    )!;
    const { design: next, tableIds } = pasteTables(design, copied.tables, { x: 32, y: 32 });
    expect(validateDesign(next).problems).toEqual([]);
    expect(tableIds).toHaveLength(2);
    const [orders, lines] = tableIds.map((id) => next.tables.find((t) => t.id === id)!);
    expect(orders!.name).toBe('orders_copy');
    expect(lines!.name).toBe('order_products_copy');
    expect(orders!.position).toEqual({
      x: design.tables.find((t) => t.id === 't_orders')!.position!.x + 32,
      y: design.tables.find((t) => t.id === 't_orders')!.position!.y + 32,
    });
    // The copy of order_products references the copy of orders, and still the real products.
    const targets = lines!.foreignKeys.map((fk) => fk.references.table).sort();
    expect(targets).toEqual([orders!.id, 't_products'].sort());
    // The copy of orders still references users, which is in the design.
    expect(orders!.foreignKeys.map((fk) => fk.references.table)).toEqual(['t_users']);
    const ids = new Set<string>();
    for (const table of next.tables) {
      for (const id of [table.id, ...table.columns.map((c) => c.id)]) {
        expect(ids.has(id)).toBe(false);
        ids.add(id);
      }
    }
  });

  it('into another design, keys to tables it lacks are dropped and names kept', () => {
    const source = shop();
    const empty: Design = { ...source, name: 'other', tables: [] };
    const copied = copyTables(source, ['t_orders']);
    const { design } = pasteTables(empty, copied.tables, { x: 0, y: 0 });
    expect(design.tables.map((t) => t.name)).toEqual(['orders']);
    expect(design.tables[0]!.foreignKeys).toEqual([]);
  });

  it('reads only what copyTables wrote', () => {
    expect(readCopiedTables('not json')).toBeNull();
    expect(readCopiedTables('{"format":"retort.tables/1","tables":[{"id":1}]}')).toBeNull();
    expect(readCopiedTables('{"tables":[]}')).toBeNull();
  });

  it('deleting several tables removes the keys that pointed at them', () => {
    const design = deleteTables(shop(), ['t_users', 't_products']);
    expect(design.tables.map((t) => t.id)).toEqual(['t_orders', 't_order_products']);
    const targets = design.tables.flatMap((t) => t.foreignKeys.map((fk) => fk.references.table));
    expect(targets).toEqual(['t_orders']);
  });
});
