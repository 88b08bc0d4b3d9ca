import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import type { Design } from '../design/types';
import type { Operation } from '../operations/types';
import { diff } from './diff';

const empty = (d: Design): Design => ({ ...d, enums: [], tables: [] });
const kinds = (ops: Operation[]) => ops.map((op) => op.kind);

describe('diff', () => {
  it('creates enums first, tables in key order, a cycle’s keys after the tables', () => {
    const ops = diff(empty(everyFeatureDesign), everyFeatureDesign);
    const firstTable = kinds(ops).indexOf('create_table');
    expect(kinds(ops).slice(0, firstTable)).toEqual(['create_enum', 'create_enum']);
    const created = ops.filter((op) => op.kind === 'create_table').map((op) => op.table.name);
    expect(created.indexOf('customers')).toBeLessThan(created.indexOf('orders'));
    expect(created.indexOf('orders')).toBeLessThan(created.indexOf('order_lines'));
    const customers = ops.find((op) => op.kind === 'create_table' && op.table.name === 'customers');
    // A self-reference stays inline.
    expect(
      customers?.kind === 'create_table' && customers.table.foreignKeys.map((f) => f.refTable),
    ).toEqual(['customers']);
    const separate = ops.filter((op) => op.kind === 'create_foreign_key');
    expect(separate).toHaveLength(1);
    expect(kinds(ops).lastIndexOf('create_table')).toBeLessThan(
      kinds(ops).indexOf('create_foreign_key'),
    );
  });

  it('drops in the reverse order', () => {
    const ops = diff(everyFeatureDesign, empty(everyFeatureDesign));
    expect(kinds(ops)[0]).toBe('drop_foreign_key');
    expect(kinds(ops).slice(-2)).toEqual(['drop_enum', 'drop_enum']);
  });

  it('keeps a renamed column’s keys and renames only what Postgres named after it', () => {
    const shop = loadShopDesign();
    const next = structuredClone(shop);
    const users = next.tables.find((t) => t.name === 'users')!;
    users.columns.find((c) => c.name === 'referrer_id')!.name = 'invited_by';
    const ops = diff(shop, next);
    // In either order: the constraint is renamed through the column name current at the time.
    expect(ops).toHaveLength(2);
    expect(ops).toContainEqual({
      kind: 'alter_column',
      table: 'users',
      before: expect.objectContaining({ name: 'referrer_id' }),
      after: expect.objectContaining({ name: 'invited_by' }),
    });
    expect(ops).toContainEqual({
      kind: 'rename_constraint',
      table: 'users',
      from: 'users_referrer_id_fkey',
      to: 'users_invited_by_fkey',
    });
  });

  it('swaps two column names through a temporary name', () => {
    const shop = loadShopDesign();
    const next = structuredClone(shop);
    const users = next.tables.find((t) => t.name === 'users')!;
    users.columns.find((c) => c.name === 'full_name')!.name = 'username_tmp_';
    users.columns.find((c) => c.name === 'username')!.name = 'full_name';
    users.columns.find((c) => c.name === 'username_tmp_')!.name = 'username';
    const renames = diff(shop, next).map((op) =>
      op.kind === 'alter_column' ? `${op.before.name}->${op.after.name}` : op.kind,
    );
    expect(renames).toHaveLength(3);
    expect(renames.some((r) => r.includes('_tmp'))).toBe(true);
  });

  it('adds two or three new columns in the design’s order, in both directions', () => {
    const shop = loadShopDesign();
    for (const names of [
      ['phone_number', 'email'],
      ['phone_number', 'email', 'nickname'],
    ]) {
      const next = structuredClone(shop);
      const users = next.tables.find((t) => t.name === 'users')!;
      const template = users.columns.find((c) => c.name === 'full_name')!;
      for (const name of names) users.columns.push({ ...template, id: `c_${name}`, name });
      const added = (ops: Operation[]) =>
        ops.flatMap((op) => (op.kind === 'add_column' ? [op.column.name] : []));
      const dropped = (ops: Operation[]) =>
        ops.flatMap((op) => (op.kind === 'drop_column' ? [op.column.name] : []));
      expect(added(diff(shop, next))).toEqual(names);
      expect(dropped(diff(next, shop))).toEqual([...names].reverse());
      // The same change from a design whose schema JSON sorts the other way.
      const renamed = structuredClone(next);
      renamed.tables.find((t) => t.name === 'users')!.columns[0]!.comment = 'z';
      const base = structuredClone(shop);
      base.tables.find((t) => t.name === 'users')!.columns[0]!.comment = 'z';
      expect(added(diff(base, renamed))).toEqual(names);
    }
  });
});
