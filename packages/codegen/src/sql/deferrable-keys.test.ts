/**
 * DEFERRABLE primary keys and unique constraints in every output: pg_dump's spelling in
 * Retort's SQL, `deferrable=` and `initially=` in SQLAlchemy and Alembic (Retort's SQL where
 * `op.create_primary_key` has no word for it), and a comment in the TypeScript libraries.
 */
import { type Design, diff, parseDesign } from '@retort/core';
import { describe, expect, it } from 'vitest';
import { emitAlembicRevision } from '../alembic';
import { emitDrizzle } from '../drizzle';
import { emitKysely } from '../kysely';
import { emitSqlalchemy } from '../sqlalchemy';
import { emitSqlalchemy2 } from '../sqlalchemy2';
import { emitTypeorm } from '../typeorm';
import { emitSql } from './emit';
import { renderOperationSql } from './render';

const design = (deferrable: boolean): Design =>
  parseDesign({
    format: 'retort.design/5',
    name: 'shop',
    tables: [
      {
        id: 't_seats',
        name: 'seats',
        primaryKeyDeferrable: deferrable,
        columns: [
          { id: 'c_id', name: 'id', type: 'INTEGER', primaryKey: true },
          { id: 'c_row', name: 'row_no', type: 'INTEGER' },
          { id: 'c_pos', name: 'position', type: 'INTEGER' },
        ],
        uniques: [
          {
            id: 'u_place',
            name: null,
            columns: ['c_row', 'c_pos'],
            deferrable,
            initiallyDeferred: deferrable,
          },
        ],
      },
    ],
  });

const empty = parseDesign({ format: 'retort.design/5', name: 'shop', tables: [] });

describe('deferrable keys in the outputs', () => {
  it("are spelt as pg_dump does in Retort's SQL", () => {
    const sql = emitSql(design(true));
    expect(sql).toContain('CONSTRAINT seats_pkey PRIMARY KEY (id) DEFERRABLE');
    expect(sql).toContain(
      'CONSTRAINT seats_row_no_position_key UNIQUE (row_no, "position") DEFERRABLE INITIALLY DEFERRED',
    );
    expect(emitSql(design(false))).not.toContain('DEFERRABLE');
  });

  it('are dropped and added again when their deferrability changes, both ways', () => {
    const ops = diff(design(false), design(true));
    expect(ops.map((o) => o.kind)).toEqual([
      'drop_unique',
      'drop_primary_key',
      'create_primary_key',
      'create_unique',
    ]);
    expect(ops.flatMap(renderOperationSql)).toEqual([
      'ALTER TABLE seats DROP CONSTRAINT seats_row_no_position_key',
      'ALTER TABLE seats DROP CONSTRAINT seats_pkey',
      'ALTER TABLE seats ADD CONSTRAINT seats_pkey PRIMARY KEY (id) DEFERRABLE',
      'ALTER TABLE seats ADD CONSTRAINT seats_row_no_position_key UNIQUE (row_no, "position") DEFERRABLE INITIALLY DEFERRED',
    ]);
  });

  it("are deferrable= and initially= in Alembic, Retort's SQL for an added primary key", () => {
    const created = emitAlembicRevision({
      id: 'abcdef123456',
      parent: null,
      message: 'seats',
      createdAt: '2026-12-01T12:00:00Z',
      operations: diff(empty, design(true)),
      enums: [],
    });
    expect(created).toContain("sa.PrimaryKeyConstraint('id', name='seats_pkey', deferrable=True)");
    expect(created).toContain(
      "sa.UniqueConstraint('row_no', 'position', name='seats_row_no_position_key', deferrable=True, initially='DEFERRED')",
    );
    const changed = emitAlembicRevision({
      id: 'abcdef123457',
      parent: null,
      message: 'deferrable',
      createdAt: '2026-12-01T12:00:00Z',
      operations: diff(design(false), design(true)),
      enums: [],
    });
    expect(changed).toContain(
      "op.execute('ALTER TABLE seats ADD CONSTRAINT seats_pkey PRIMARY KEY (id) DEFERRABLE')",
    );
    expect(changed).toContain(
      "op.create_unique_constraint('seats_row_no_position_key', 'seats', ['row_no', 'position'], deferrable=True, initially='DEFERRED')",
    );
    expect(changed).toContain("op.create_primary_key('seats_pkey', 'seats', ['id'])");
    expect(changed).toContain(
      "op.create_unique_constraint('seats_row_no_position_key', 'seats', ['row_no', 'position'])",
    );
  });

  it('are __table_args__ keywords in SQLAlchemy, both styles', () => {
    for (const models of [emitSqlalchemy(design(true)), emitSqlalchemy2(design(true))]) {
      expect(models).toContain("PrimaryKeyConstraint('id', name='seats_pkey', deferrable=True)");
      expect(models).toContain(
        "UniqueConstraint('row_no', 'position', deferrable=True, initially='DEFERRED')",
      );
    }
  });

  it('are a comment in Drizzle, TypeORM and Kysely', () => {
    for (const [library, text] of [
      ['Drizzle', emitDrizzle(design(true))],
      ['TypeORM', emitTypeorm(design(true))],
      ['Kysely', emitKysely(design(true))],
    ] as const) {
      expect(text).toContain(
        `// ${library} cannot express deferrable keys; Retort's SQL and Alembic revisions create them:\n//   seats: seats_pkey DEFERRABLE INITIALLY IMMEDIATE\n//   seats: seats_row_no_position_key DEFERRABLE INITIALLY DEFERRED`,
      );
    }
    expect(emitDrizzle(design(false))).not.toContain('deferrable');
  });
});
