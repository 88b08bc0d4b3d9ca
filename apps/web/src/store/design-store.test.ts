import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Design } from '@retort/core';
import { INDEX_DEFAULTS, UNIQUE_DEFAULTS, validateDesign } from '@retort/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDesignStore, type DesignStoreApi } from './design-store';

const shopFile = fileURLToPath(new URL('../../../../examples/shop/design.json', import.meta.url));

function shop(): Design {
  const { design, problems } = validateDesign(JSON.parse(readFileSync(shopFile, 'utf8')));
  expect(problems).toEqual([]);
  return design!;
}

let store: DesignStoreApi;
const state = () => store.getState();
const design = () => state().design!;
const table = (name: string) => design().tables.find((t) => t.name === name)!;
const column = (tableName: string, name: string) =>
  table(tableName).columns.find((c) => c.name === name)!;
const history = () => store.temporal.getState();

beforeEach(() => {
  store = createDesignStore();
  state().loadDesign(shop());
});

describe('tables', () => {
  it('a new table gets the next free name and an autoincrement integer id key', () => {
    const first = state().addTable({ x: 32, y: 48 })!;
    const second = state().addTable()!;
    const added = design().tables.filter((t) => t.id === first || t.id === second);
    expect(added.map((t) => t.name)).toEqual(['table_1', 'table_2']);
    expect(added[0]!.position).toEqual({ x: 32, y: 48 });
    expect(added[0]!.columns).toEqual([
      expect.objectContaining({
        name: 'id',
        type: 'INTEGER',
        primaryKey: true,
        autoincrement: true,
        nullable: false,
      }),
    ]);
    expect(first).toMatch(/^t_[a-z0-9]{6}$/);
    expect(added[0]!.columns[0]!.id).toMatch(/^c_[a-z0-9]{6}$/);
    expect(state().selection).toEqual({ kind: 'table', id: second });
    expect(validateDesign(design()).problems).toEqual([]);
  });

  it('deleting a table removes the foreign keys that point at it', () => {
    state().deleteTable(table('users').id);
    expect(design().tables.map((t) => t.name)).toEqual(['orders', 'products', 'order_products']);
    expect(table('orders').foreignKeys).toEqual([]);
    expect(table('order_products').foreignKeys).toHaveLength(2);
    expect(validateDesign(design()).problems).toEqual([]);
  });

  it('a rename keeps the id, and an empty name is refused without an undo step', () => {
    const id = table('users').id;
    state().renameTable(id, '  people ');
    expect(table('people').id).toBe(id);
    const steps = history().pastStates.length;
    state().renameTable(id, '   ');
    expect(table('people').id).toBe(id);
    expect(history().pastStates.length).toBe(steps);
  });

  it('moving a table is one undo step and applying a layout is one more', () => {
    const users = table('users').id;
    const orders = table('orders').id;
    state().moveTable(users, { x: 100.4, y: 200.6 });
    expect(table('users').position).toEqual({ x: 100, y: 201 });
    state().applyLayout({ [users]: { x: 0, y: 0 }, [orders]: { x: 400, y: 0 } });
    expect(history().pastStates).toHaveLength(2);
    history().undo();
    expect(table('users').position).toEqual({ x: 100, y: 201 });
    expect(table('orders').position).toEqual({ x: 400, y: 0 });
  });
});

describe('columns', () => {
  it('added columns are TEXT NULL with unique names, and selected', () => {
    const id = table('products').id;
    const first = state().addColumn(id)!;
    state().addColumn(id);
    expect(
      table('products')
        .columns.slice(-2)
        .map((c) => [c.name, c.type, c.nullable]),
    ).toEqual([
      ['column_1', 'TEXT', true],
      ['column_2', 'TEXT', true],
    ]);
    expect(state().selection).toEqual({ kind: 'column', tableId: id, id: expect.any(String) });
    expect(first).not.toBe((state().selection as { id: string }).id);
  });

  it('types are stored in canonical spelling, other type names as written, and text that is no type is kept for validation to name', () => {
    const users = table('users');
    state().updateColumn(users.id, column('users', 'language_code').id, { type: 'varchar(10)' });
    expect(column('users', 'language_code').type).toBe('VARCHAR(10)');
    state().updateColumn(users.id, column('users', 'full_name').id, { type: 'int4' });
    expect(column('users', 'full_name').type).toBe('INTEGER');
    // A name Retort does not know may be an extension's or a domain's type: the database judges it.
    state().updateColumn(users.id, column('users', 'username').id, { type: 'citext' });
    expect(column('users', 'username').type).toBe('citext');
    expect(validateDesign(design()).problems).toEqual([]);
    state().updateColumn(users.id, column('users', 'username').id, { type: 'varchar(10' });
    expect(column('users', 'username').type).toBe('varchar(10');
    const problems = validateDesign(design()).problems;
    expect(problems.map((p) => p.path)).toContain('tables[0].columns[2].type');
  });

  it('making a column the primary key makes it NOT NULL', () => {
    const products = table('products');
    state().updateColumn(products.id, column('products', 'title').id, { primaryKey: true });
    expect(column('products', 'title')).toMatchObject({ primaryKey: true, nullable: false });
  });

  it('changing a referenced key type changes the referencing columns in the same step', () => {
    const users = table('users');
    state().updateColumn(users.id, column('users', 'telegram_id').id, { type: 'INTEGER' });
    expect(column('users', 'telegram_id').type).toBe('INTEGER');
    expect(column('users', 'referrer_id').type).toBe('INTEGER');
    expect(column('orders', 'user_id').type).toBe('INTEGER');
    expect(validateDesign(design()).problems).toEqual([]);
    history().undo();
    expect(column('orders', 'user_id').type).toBe('BIGINT');
  });

  it('reordering moves one column and keeps the others in order', () => {
    const users = table('users');
    state().moveColumn(users.id, column('users', 'referrer_id').id, 1);
    expect(table('users').columns.map((c) => c.name)).toEqual([
      'telegram_id',
      'referrer_id',
      'full_name',
      'username',
      'language_code',
      'created_at',
    ]);
  });

  it('deleting a column removes the keys that use it, in its table and in others', () => {
    const users = table('users');
    const username = column('users', 'username').id;
    store.setState({
      design: {
        ...design(),
        tables: design().tables.map((t) =>
          t.id === users.id
            ? {
                ...t,
                uniques: [
                  {
                    id: 'u1',
                    name: null,
                    columns: [username, column('users', 'full_name').id],
                    ...UNIQUE_DEFAULTS,
                  },
                ],
                indexes: [
                  { id: 'i1', name: null, columns: [username], unique: false, ...INDEX_DEFAULTS },
                ],
              }
            : t,
        ),
      },
    });
    state().deleteColumn(users.id, username);
    expect(table('users').uniques).toEqual([]);
    expect(table('users').indexes).toEqual([]);
    state().deleteColumn(users.id, column('users', 'telegram_id').id);
    expect(table('users').foreignKeys).toEqual([]);
    expect(table('orders').foreignKeys).toEqual([]);
  });
});

describe('foreign keys', () => {
  it('a foreign key between columns of the same type to a primary key is added and selected', () => {
    const products = table('products').id;
    const ownerId = state().addColumn(products)!;
    state().updateColumn(products, ownerId, { name: 'owner_id', type: 'BIGINT' });
    const result = state().addForeignKey(
      products,
      ownerId,
      table('users').id,
      column('users', 'telegram_id').id,
    );
    expect(result).toEqual({ ok: true, foreignKeyId: expect.stringMatching(/^f_/) });
    expect(table('products').foreignKeys).toMatchObject([
      {
        id: result.ok ? result.foreignKeyId : '',
        name: null,
        columns: [ownerId],
        references: { table: table('users').id, columns: [column('users', 'telegram_id').id] },
        onDelete: null,
        onUpdate: null,
      },
    ]);
    expect(state().selection).toMatchObject({ kind: 'foreignKey', tableId: products });
    expect(validateDesign(design()).problems).toEqual([]);
  });

  it('a type mismatch is refused with the reason and changes nothing', () => {
    const before = design();
    const steps = history().pastStates.length;
    const result = state().addForeignKey(
      table('orders').id,
      column('orders', 'order_id').id,
      table('users').id,
      column('users', 'telegram_id').id,
    );
    expect(result).toEqual({
      ok: false,
      reason: 'orders.order_id is INTEGER but users.telegram_id is BIGINT.',
    });
    expect(design()).toBe(before);
    expect(history().pastStates.length).toBe(steps);
  });

  it('a target that is neither primary key nor unique is refused', () => {
    const result = state().addForeignKey(
      table('products').id,
      column('products', 'title').id,
      table('users').id,
      column('users', 'full_name').id,
    );
    expect(result).toEqual({
      ok: false,
      reason:
        'users.full_name is neither the primary key nor unique, so a foreign key cannot reference it.',
    });
    state().updateColumn(table('users').id, column('users', 'full_name').id, { unique: true });
    expect(
      state().addForeignKey(
        table('products').id,
        column('products', 'title').id,
        table('users').id,
        column('users', 'full_name').id,
      ).ok,
    ).toBe(true);
  });

  it('one column of a composite primary key is not a valid target', () => {
    const result = state().addForeignKey(
      table('orders').id,
      column('orders', 'order_id').id,
      table('order_products').id,
      column('order_products', 'order_id').id,
    );
    expect(result.ok).toBe(false);
  });

  it('ON DELETE is updated in place and deleting the key removes only it', () => {
    const orders = table('orders');
    const fk = orders.foreignKeys[0]!;
    state().updateForeignKey(orders.id, fk.id, { onDelete: 'CASCADE' });
    expect(table('orders').foreignKeys[0]).toMatchObject({
      id: fk.id,
      onDelete: 'CASCADE',
      onUpdate: null,
    });
    state().deleteForeignKey(orders.id, fk.id);
    expect(table('orders').foreignKeys).toEqual([]);
    expect(table('users').foreignKeys).toHaveLength(1);
  });
});

describe('uniques, indexes, checks and enums', () => {
  it('each family is added, updated and deleted', () => {
    const users = table('users').id;
    const username = column('users', 'username').id;
    const u = state().addUnique(users, [username])!;
    state().updateUnique(users, u, { name: 'users_username_key2' });
    const i = state().addIndex(users, [username])!;
    state().updateIndex(users, i, { unique: true, name: ' ix_users_username ' });
    const k = state().addCheck(users, "full_name <> ''")!;
    state().updateCheck(users, k, { name: 'users_name_not_empty' });
    expect(table('users')).toMatchObject({
      uniques: [{ id: u, name: 'users_username_key2', columns: [username] }],
      indexes: [{ id: i, name: 'ix_users_username', columns: [username], unique: true }],
      checks: [{ id: k, name: 'users_name_not_empty', expression: "full_name <> ''" }],
    });
    expect(validateDesign(design()).problems).toEqual([]);
    state().deleteUnique(users, u);
    state().deleteIndex(users, i);
    state().deleteCheck(users, k);
    expect(table('users')).toMatchObject({ uniques: [], indexes: [], checks: [] });
  });

  it('renaming an enum renames it in the columns of that type', () => {
    const id = state().addEnum('order_status', ['new', 'paid'])!;
    const orders = table('orders').id;
    const status = state().addColumn(orders)!;
    state().updateColumn(orders, status, { type: 'order_status' });
    expect(column('orders', 'column_1').type).toBe('order_status');
    state().updateEnum(id, { name: 'status', values: ['new', 'paid', ' shipped '] });
    expect(design().enums).toEqual([{ id, name: 'status', values: ['new', 'paid', 'shipped'] }]);
    expect(column('orders', 'column_1').type).toBe('status');
    expect(validateDesign(design()).problems).toEqual([]);
    state().deleteEnum(id);
    expect(design().enums).toEqual([]);
  });
});

describe('undo and redo', () => {
  it('every edit is one step; undo and redo walk them and selection is not history', () => {
    const loaded = design();
    expect(history().pastStates).toHaveLength(0);
    const id = state().addTable({ x: 0, y: 0 })!;
    state().select(null);
    state().renameTable(id, 'events');
    state().select({ kind: 'table', id });
    expect(history().pastStates).toHaveLength(2);

    history().undo();
    expect(table('table_1')).toBeDefined();
    history().undo();
    expect(design()).toBe(loaded);
    history().redo();
    history().redo();
    expect(table('events').id).toBe(id);
    expect(history().futureStates).toHaveLength(0);
  });

  it('loading a design forgets the history', () => {
    state().addTable();
    state().loadDesign(shop());
    expect(history().pastStates).toHaveLength(0);
    expect(state().selection).toBeNull();
  });

  it('a read-only store refuses every edit', () => {
    state().setReadOnly(true);
    const before = design();
    expect(state().addTable()).toBeNull();
    state().deleteTable(table('users').id);
    const result = state().addForeignKey('a', 'b', 'c', 'd');
    expect(result).toEqual({ ok: false, reason: 'This design is read-only.' });
    expect(design()).toBe(before);
  });

  it('placing unpositioned tables without recording leaves no step and no undo back to them', () => {
    const users = table('users').id;
    store.setState({
      design: { ...design(), tables: design().tables.map((t) => ({ ...t, position: null })) },
    });
    state().applyLayout({ [users]: { x: 16, y: 32 } }, { record: false });
    expect(table('users').position).toEqual({ x: 16, y: 32 });
    history().undo();
    expect(table('users').position).toEqual({ x: 16, y: 32 });
  });
});
