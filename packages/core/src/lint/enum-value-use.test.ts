import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import type { CatalogColumn } from '../catalog/types';
import { newColumn } from '../design/new-column';
import type { Design } from '../design/types';
import { diff } from '../diff/diff';
import type { AlterEnum, Operation } from '../operations/types';
import { lintOperations } from './lint';

const CODE = 'enum-value-used-in-same-revision';

const column = (name: string, type: string, defaultSql: string | null = null): CatalogColumn => ({
  name,
  type,
  nullable: true,
  default: defaultSql,
  autoincrement: false,
  comment: null,
});

const addShipped: AlterEnum = {
  kind: 'alter_enum',
  name: 'status',
  before: ['new', 'paid'],
  after: ['new', 'paid', 'shipped'],
  renames: [],
  usages: [{ table: 'orders', column: 'state', default: "'new'" }],
};

const found = (ops: Operation[]) => lintOperations(ops).filter((f) => f.code === CODE);

const message = (place: string) =>
  `Enum status gets the value 'shipped' in this revision and ${place} uses it; Postgres refuses a new enum value until the transaction that added it commits, so split this into two revisions: add the value first, then use it.`;

describe('enum-value-used-in-same-revision', () => {
  it('is an error naming the enum, the value and the column when a new table defaults to the new value', () => {
    const ops: Operation[] = [
      addShipped,
      {
        kind: 'create_table',
        table: {
          name: 'parcels',
          comment: null,
          columns: [column('id', 'INTEGER'), column('state', 'status', "'shipped'")],
          primaryKey: null,
          foreignKeys: [],
          uniques: [],
          checks: [],
        },
      },
    ];
    expect(found(ops)).toEqual([
      {
        code: CODE,
        level: 'error',
        operation: 1,
        message: message('the default of parcels.state'),
      },
    ]);
  });

  it('catches a default on an added column, also with a cast or in an array literal', () => {
    const ops: Operation[] = [
      addShipped,
      {
        kind: 'add_column',
        table: 'orders',
        column: column('next', 'status', "'shipped'::status"),
      },
      {
        kind: 'add_column',
        table: 'orders',
        column: column('seen', 'status[]', "'{new,shipped}'"),
      },
    ];
    expect(found(ops).map((f) => [f.operation, f.message])).toEqual([
      [1, message('the default of orders.next')],
      [2, message('the default of orders.seen')],
    ]);
  });

  it('catches an altered column whose default becomes the new value', () => {
    const ops: Operation[] = [
      addShipped,
      {
        kind: 'alter_column',
        table: 'orders',
        before: column('state', 'status', "'new'"),
        after: column('state', 'status', "'shipped'"),
      },
    ];
    expect(found(ops).map((f) => f.message)).toEqual([message('the default of orders.state')]);
  });

  it('catches a check on a column of the enum, in create_check and in create_table', () => {
    const ops: Operation[] = [
      addShipped,
      {
        kind: 'create_check',
        table: 'orders',
        check: { name: 'orders_state_check', expression: "state <> 'shipped'::status" },
      },
      {
        kind: 'create_table',
        table: {
          name: 'parcels',
          comment: null,
          columns: [column('state', 'status')],
          primaryKey: null,
          foreignKeys: [],
          uniques: [],
          checks: [{ name: 'parcels_state_check', expression: "state IN ('new', 'shipped')" }],
        },
      },
    ];
    expect(found(ops).map((f) => [f.operation, f.message])).toEqual([
      [1, message('check orders_state_check on orders.state')],
      [2, message('check parcels_state_check on parcels.state')],
    ]);
  });

  it('catches hand-written SQL that writes the new value into a column of the enum', () => {
    const ops: Operation[] = [
      addShipped,
      {
        kind: 'execute',
        upgrade: ["UPDATE orders SET state = 'shipped' WHERE state = 'paid'"],
        downgrade: ["UPDATE orders SET state = 'paid' WHERE state = 'shipped'"],
      },
      {
        kind: 'execute',
        upgrade: ["DO $$ BEGIN PERFORM 'shipped'::status; END $$"],
        downgrade: [],
      },
    ];
    expect(found(ops).map((f) => [f.operation, f.message])).toEqual([
      [1, message('hand-written SQL on orders.state')],
      [2, message('hand-written SQL')],
    ]);
  });

  it('follows the enum through a rename of the type', () => {
    const ops: Operation[] = [
      addShipped,
      { kind: 'rename_enum', from: 'status', to: 'order_status' },
      { kind: 'add_column', table: 'orders', column: column('next', 'order_status', "'shipped'") },
    ];
    expect(found(ops).map((f) => f.message)).toEqual([
      message('the default of orders.next').replace('Enum status', 'Enum order_status'),
    ]);
  });

  it('says nothing when the added value is not used', () => {
    const ops: Operation[] = [
      addShipped,
      { kind: 'add_column', table: 'orders', column: column('next', 'status', "'paid'") },
      { kind: 'add_column', table: 'orders', column: column('label', 'TEXT', "'shipped'") },
      {
        kind: 'create_check',
        table: 'orders',
        check: { name: 'orders_state_check', expression: "state <> 'new'" },
      },
      {
        kind: 'execute',
        upgrade: ["UPDATE orders SET label = 'shipped' WHERE state = 'paid'"],
        downgrade: [],
      },
    ];
    expect(found(ops)).toEqual([]);
  });

  it('says nothing when the value was already there, or the use comes before the addition', () => {
    const existing: Operation[] = [
      {
        ...addShipped,
        before: ['new', 'paid', 'shipped'],
        after: ['new', 'paid', 'shipped', 'lost'],
      },
      { kind: 'add_column', table: 'orders', column: column('next', 'status', "'shipped'") },
    ];
    expect(found(existing)).toEqual([]);
    const before: Operation[] = [
      { kind: 'add_column', table: 'orders', column: column('next', 'status', "'paid'") },
      addShipped,
    ];
    expect(found(before)).toEqual([]);
  });

  it('says nothing when the enum is recreated after the addition, since all its values are new with it', () => {
    const recreated: Operation[] = [
      addShipped,
      { ...addShipped, before: addShipped.after, after: ['shipped', 'new', 'paid'] },
      { kind: 'add_column', table: 'orders', column: column('next', 'status', "'shipped'") },
    ];
    expect(found(recreated)).toEqual([]);
  });

  it('is raised even when the enum was created earlier in the same revision (Postgres 15 refuses that too)', () => {
    const created: Operation[] = [
      { kind: 'create_enum', enum: { name: 'status', values: ['new', 'paid'] } },
      addShipped,
      { kind: 'add_column', table: 'orders', column: column('next', 'status', "'shipped'") },
    ];
    expect(found(created).map((f) => f.operation)).toEqual([2]);
  });

  it('is raised for a design change that adds a value and makes it a column default', () => {
    const shop = loadShopDesign();
    const design: Design = structuredClone(shop);
    design.enums = [{ id: 'e_status', name: 'status', values: ['new', 'paid'] }];
    const next = structuredClone(design);
    next.enums[0]!.values.push('shipped');
    next.tables
      .find((t) => t.name === 'users')!
      .columns.push(
        newColumn({
          id: 'c_users_state',
          name: 'state',
          type: 'status',
          default: { sql: "'shipped'" },
        }),
      );
    const findings = found(diff(design, next));
    expect(findings.map((f) => [f.level, f.message])).toEqual([
      ['error', message('the default of users.state')],
    ]);
  });
});
