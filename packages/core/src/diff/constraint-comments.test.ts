/**
 * Comments on primary keys, uniques, checks and foreign keys: carried by a created
 * constraint, changed in place by `set_constraint_comment`, each reversed exactly; a design
 * without them reads and stores as before.
 */
import { describe, expect, it } from 'vitest';
import { toCatalog } from '../catalog/from-design';
import { compactTable } from '../design/defaults';
import { setPrimaryKeyComment } from '../design/edits/edits';
import { parseDesign } from '../design/parse';
import type { Design } from '../design/types';
import { expectRoundTrip } from '../testing/round-trip';
import { diff } from './diff';

interface Comments {
  pk?: string;
  unique?: string;
  check?: string;
  fk?: string;
}

const shop = (c: Comments, withOrders = true): Design =>
  parseDesign({
    format: 'retort.design/5',
    name: 'shop',
    tables: [
      {
        id: 't_customers',
        name: 'customers',
        primaryKeyComment: c.pk ?? null,
        columns: [
          { id: 'c_id', name: 'id', type: 'INTEGER', primaryKey: true },
          { id: 'c_email', name: 'email', type: 'TEXT' },
          { id: 'c_age', name: 'age', type: 'INTEGER' },
        ],
        uniques: [{ id: 'u_email', name: null, columns: ['c_email'], comment: c.unique ?? null }],
        checks: [{ id: 'k_age', name: null, expression: 'age >= 0', comment: c.check ?? null }],
      },
      ...(withOrders
        ? [
            {
              id: 't_orders',
              name: 'orders',
              columns: [
                { id: 'o_id', name: 'id', type: 'INTEGER', primaryKey: true },
                { id: 'o_customer', name: 'customer_id', type: 'INTEGER' },
              ],
              foreignKeys: [
                {
                  id: 'fk_customer',
                  name: null,
                  columns: ['o_customer'],
                  references: { table: 't_customers', columns: ['c_id'] },
                  comment: c.fk ?? null,
                },
              ],
            },
          ]
        : []),
    ],
  });

const all = { pk: 'The key', unique: 'One each', check: 'Not negative', fk: 'Who ordered' };

describe('constraint comments', () => {
  it('are in the catalog under each constraint, absent from a compact table when null', () => {
    const catalog = toCatalog(shop(all));
    const customers = catalog.tables.find((t) => t.name === 'customers')!;
    expect(customers.primaryKey).toEqual({
      name: 'customers_pkey',
      columns: ['id'],
      comment: 'The key',
    });
    expect(customers.uniques[0]!.comment).toBe('One each');
    expect(customers.checks[0]!.comment).toBe('Not negative');
    expect(catalog.tables.find((t) => t.name === 'orders')!.foreignKeys[0]!.comment).toBe(
      'Who ordered',
    );
    const compact = compactTable(shop({}).tables[0]!) as unknown as Record<string, unknown>;
    expect('primaryKeyComment' in compact).toBe(false);
    expect(compact.uniques).toEqual([{ id: 'u_email', name: null, columns: ['c_email'] }]);
  });

  it('changed, are one set_constraint_comment each, reversed exactly', () => {
    const up = expectRoundTrip(shop({}), shop(all));
    const byConstraint = (op: (typeof up)[number]) => ('constraint' in op ? op.constraint : '');
    expect([...up].sort((a, b) => byConstraint(a).localeCompare(byConstraint(b)))).toEqual([
      {
        kind: 'set_constraint_comment',
        table: 'customers',
        constraint: 'customers_age_check',
        from: null,
        to: 'Not negative',
      },
      {
        kind: 'set_constraint_comment',
        table: 'customers',
        constraint: 'customers_email_key',
        from: null,
        to: 'One each',
      },
      {
        kind: 'set_constraint_comment',
        table: 'customers',
        constraint: 'customers_pkey',
        from: null,
        to: 'The key',
      },
      {
        kind: 'set_constraint_comment',
        table: 'orders',
        constraint: 'orders_customer_id_fkey',
        from: null,
        to: 'Who ordered',
      },
    ]);
    expect(expectRoundTrip(shop(all), shop({ ...all, check: 'Changed' }))).toEqual([
      {
        kind: 'set_constraint_comment',
        table: 'customers',
        constraint: 'customers_age_check',
        from: 'Not negative',
        to: 'Changed',
      },
    ]);
  });

  it('come with a created constraint and need nothing when it is dropped', () => {
    const up = expectRoundTrip(shop(all, false), shop(all));
    expect(up.map((op) => op.kind)).toEqual(['create_table', 'create_foreign_key']);
    expect(up[1]).toMatchObject({ foreignKey: { comment: 'Who ordered' } });
    expect(expectRoundTrip(shop(all), shop(all, false)).map((op) => op.kind)).toEqual([
      'drop_foreign_key',
      'drop_table',
    ]);
  });

  it('on a primary key, set in the editor, is one operation; empty text is none', () => {
    const edited = setPrimaryKeyComment(shop({}), 't_customers', 'The key');
    expect(diff(shop({}), edited)).toEqual([
      {
        kind: 'set_constraint_comment',
        table: 'customers',
        constraint: 'customers_pkey',
        from: null,
        to: 'The key',
      },
    ]);
    expect(setPrimaryKeyComment(edited, 't_customers', '  ').tables[0]!.primaryKeyComment).toBe(
      null,
    );
  });
});
