import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { toCatalog } from '../catalog/from-design';
import { RetortError } from '../errors';
import { applyOperations } from './apply';
import { detectEnumRenames, enumChange } from './enum-change';
import { renameColumnsInExpression } from './expression-rename';
import { reverseOperation, reverseOperations } from './reverse';
import type { Operation } from './types';

describe('reverseOperation', () => {
  it('turns a create into a drop and a rename around', () => {
    const op: Operation = { kind: 'rename_table', from: 'a', to: 'b' };
    expect(reverseOperation(op)).toEqual({ kind: 'rename_table', from: 'b', to: 'a' });
    expect(reverseOperations([op, { kind: 'execute', upgrade: ['x'], downgrade: ['y'] }])).toEqual([
      { kind: 'execute', upgrade: ['y'], downgrade: ['x'] },
      { kind: 'rename_table', from: 'b', to: 'a' },
    ]);
  });
});

describe('applyOperations', () => {
  const shop = toCatalog(loadShopDesign());

  it('refuses an operation that does not fit, naming it, and leaves the input alone', () => {
    const before = structuredClone(shop);
    const drop: Operation = { kind: 'drop_table', table: { ...shop.tables[0]!, name: 'ghosts' } };
    expect(() => applyOperations(shop, [drop])).toThrow(RetortError);
    expect(() => applyOperations(shop, [drop])).toThrow(/there is no table "ghosts"/);
    expect(shop).toEqual(before);
  });

  it('refuses to drop a table another still references', () => {
    const users = shop.tables.find((t) => t.name === 'users')!;
    expect(() => applyOperations(shop, [{ kind: 'drop_table', table: users }])).toThrow(
      /table "orders" still references "users"/,
    );
  });

  it('carries a table rename into the keys that reference it', () => {
    const after = applyOperations(shop, [{ kind: 'rename_table', from: 'users', to: 'people' }]);
    const orders = after.tables.find((t) => t.name === 'orders')!;
    expect(orders.foreignKeys[0]!.refTable).toBe('people');
  });
});

describe('enum changes', () => {
  it('adds, renames or recreates', () => {
    expect(enumChange({ before: ['a', 'c'], after: ['a', 'b', 'c'], renames: [] }).kind).toBe(
      'add',
    );
    expect(detectEnumRenames(['a', 'b'], ['a', 'x'])).toEqual([{ from: 'b', to: 'x' }]);
    expect(detectEnumRenames(['a', 'b'], ['b', 'a'])).toEqual([]);
    expect(enumChange({ before: ['a', 'b'], after: ['b', 'a'], renames: [] }).kind).toBe(
      'recreate',
    );
    expect(enumChange({ before: ['a', 'b'], after: ['a'], renames: [] }).kind).toBe('recreate');
  });
});

describe('renameColumnsInExpression', () => {
  it('renames identifiers but not strings, functions or casts', () => {
    const map = new Map([
      ['name', 'full_name'],
      ['text', 'body'],
    ]);
    expect(renameColumnsInExpression("length(name) > 0 AND name <> 'name'", map)).toBe(
      "length(full_name) > 0 AND full_name <> 'name'",
    );
    expect(renameColumnsInExpression("(x)::text = 'a'", map)).toBe("(x)::text = 'a'");
  });
});
