/**
 * Comments on keys, uniques, checks and foreign keys in Retort's SQL, Alembic revisions and
 * SQLAlchemy models: `COMMENT ON CONSTRAINT` after the constraint is made, and a changed one
 * in place both ways.
 */
import { type Design, diff, parseDesign } from '@retort/core';
import { describe, expect, it } from 'vitest';
import { emitAlembicRevision } from '../alembic';
import { emitSqlalchemy } from '../sqlalchemy';
import { renderOperationSql } from './render';

const design = (comment: string | null, notValid = false): Design =>
  parseDesign({
    format: 'retort.design/5',
    name: 'shop',
    tables: [
      {
        id: 't_customers',
        name: 'customers',
        primaryKeyComment: comment,
        columns: [
          { id: 'c_id', name: 'id', type: 'INTEGER', primaryKey: true },
          { id: 'c_age', name: 'age', type: 'INTEGER' },
        ],
        checks: [{ id: 'k_age', name: null, expression: 'age >= 0', comment }],
      },
      {
        id: 't_orders',
        name: 'orders',
        schema: 'sales',
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
            notValid,
            comment,
          },
        ],
      },
    ],
  });

const empty = parseDesign({ format: 'retort.design/5', name: 'shop', tables: [] });

describe('constraint comments in the outputs', () => {
  it("follow the constraints they describe in Retort's SQL", () => {
    const sql = diff(empty, design("Bob's")).flatMap(renderOperationSql);
    expect(sql.filter((s) => !s.startsWith('CREATE'))).toEqual([
      "COMMENT ON CONSTRAINT customers_pkey ON customers IS 'Bob''s'",
      "COMMENT ON CONSTRAINT customers_age_check ON customers IS 'Bob''s'",
      "COMMENT ON CONSTRAINT orders_customer_id_fkey ON sales.orders IS 'Bob''s'",
    ]);
    expect(sql.at(-2)).toContain('CONSTRAINT orders_customer_id_fkey FOREIGN KEY');
    expect(diff(design('Old'), design(null)).flatMap(renderOperationSql)).toEqual([
      'COMMENT ON CONSTRAINT customers_pkey ON customers IS NULL',
      'COMMENT ON CONSTRAINT customers_age_check ON customers IS NULL',
      'COMMENT ON CONSTRAINT orders_customer_id_fkey ON sales.orders IS NULL',
    ]);
  });

  it('are op.execute in an Alembic revision, upgrade and downgrade', () => {
    const text = emitAlembicRevision({
      id: 'abcdef123456',
      parent: null,
      message: 'comments',
      createdAt: '2026-12-01T12:00:00Z',
      operations: diff(design('Old'), design('New')),
      enums: [],
    });
    expect(text).toContain(
      `op.execute("COMMENT ON CONSTRAINT customers_pkey ON customers IS 'New'")`,
    );
    expect(text).toContain(
      `op.execute("COMMENT ON CONSTRAINT customers_pkey ON customers IS 'Old'")`,
    );
  });

  it('are DDL after create in SQLAlchemy, after the whole metadata for a key added later', () => {
    const models = emitSqlalchemy(design('Kept', true));
    expect(models).toContain(
      `event.listen(Customer.__table__, 'after_create', DDL("COMMENT ON CONSTRAINT customers_pkey ON customers IS 'Kept'"))`,
    );
    expect(models).toContain(
      `event.listen(Base.metadata, 'after_create', DDL("COMMENT ON CONSTRAINT orders_customer_id_fkey ON sales.orders IS 'Kept'"))`,
    );
  });
});
