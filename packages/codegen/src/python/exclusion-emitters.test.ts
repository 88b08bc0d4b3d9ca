/**
 * Exclusion constraints in every output: SQLAlchemy's ExcludeConstraint where 1.4 can say
 * it exactly, Retort's SQL after create_all where it cannot (INCLUDE, an expression), the
 * Alembic directives, and a comment naming each in the TypeScript libraries.
 */
import { diff, parseDesign } from '@retort/core';
import { describe, expect, it } from 'vitest';
import { emitAlembicRevision } from '../alembic/revision';
import { emitDrizzle } from '../drizzle/emit';
import { emitKysely } from '../kysely/emit';
import { emitSqlalchemy } from '../sqlalchemy/emit';
import { emitSqlalchemy2 } from '../sqlalchemy2/emit';
import { emitTypeorm } from '../typeorm/emit';

const key = { expression: null, descending: false, nulls: null, opclass: null, collation: null };

const design = parseDesign({
  format: 'retort.design/5',
  name: 'bookings',
  tables: [
    {
      id: 't_b',
      name: 'bookings',
      columns: [
        { id: 'c_id', name: 'id', type: 'INTEGER', primaryKey: true },
        { id: 'c_room', name: 'room', type: 'TEXT', nullable: false },
        { id: 'c_during', name: 'during', type: 'tstzrange', nullable: false },
        { id: 'c_cancelled', name: 'cancelled', type: 'BOOLEAN', nullable: false },
      ],
      exclusions: [
        {
          id: 'x_overlap',
          name: 'bookings_no_overlap',
          method: 'gist',
          elements: [{ ...key, column: 'c_during', operator: '&&' }],
          where: 'NOT cancelled',
          deferrable: true,
          initiallyDeferred: true,
          comment: 'One booking at a time',
        },
        {
          id: 'x_room',
          name: 'bookings_room_lower',
          method: 'btree',
          elements: [{ ...key, column: null, expression: 'lower(room)', operator: '=' }],
          include: ['c_id'],
        },
      ],
    },
  ],
});

describe('exclusion constraints in every output', () => {
  it('are ExcludeConstraint in both SQLAlchemy styles, or Retort’s SQL after create_all', () => {
    for (const models of [emitSqlalchemy(design), emitSqlalchemy2(design)]) {
      expect(models).toContain(
        'from sqlalchemy.dialects.postgresql import TSTZRANGE, ExcludeConstraint',
      );
      expect(models).toContain(
        `ExcludeConstraint(('during', '&&'), name='bookings_no_overlap', using='gist', where=text("NOT cancelled"), deferrable=True, initially='DEFERRED')`,
      );
      expect(models).toContain(
        `DDL("COMMENT ON CONSTRAINT bookings_no_overlap ON bookings IS 'One booking at a time'")`,
      );
      expect(models).toContain(
        `DDL('ALTER TABLE bookings ADD CONSTRAINT bookings_room_lower EXCLUDE USING btree ((lower(room)) WITH =) INCLUDE (id)')`,
      );
    }
  });

  it('are create_exclude_constraint in Alembic, or op.execute of Retort’s SQL, and dropped by name', () => {
    const ops = diff(
      parseDesign({ ...design, tables: [{ ...design.tables[0]!, exclusions: [] }] }),
      design,
    );
    const file = emitAlembicRevision({
      id: 'abc123def456',
      parent: null,
      message: 'exclusions',
      createdAt: '2026-12-01T12:00:00.000Z',
      operations: ops,
      enums: [],
    });
    expect(file).toContain(
      `op.create_exclude_constraint('bookings_no_overlap', 'bookings', ('during', '&&'), using='gist', where=sa.text("NOT cancelled"), deferrable=True, initially='DEFERRED')`,
    );
    expect(file).toContain(
      `op.execute('ALTER TABLE bookings ADD CONSTRAINT bookings_room_lower EXCLUDE USING btree ((lower(room)) WITH =) INCLUDE (id)')`,
    );
    expect(file).toContain(`op.drop_constraint('bookings_no_overlap', 'bookings')`);
  });

  it('are named in a comment by Drizzle, TypeORM and Kysely', () => {
    for (const [library, source] of [
      ['Drizzle', emitDrizzle(design)],
      ['TypeORM', emitTypeorm(design)],
      ['Kysely', emitKysely(design)],
    ] as const) {
      expect(source).toContain(
        `// ${library} cannot express exclusion constraints; Retort's SQL and Alembic revisions create them:\n//   bookings: bookings_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (NOT cancelled) DEFERRABLE INITIALLY DEFERRED\n//   bookings: bookings_room_lower EXCLUDE USING btree ((lower(room)) WITH =) INCLUDE (id)`,
      );
    }
  });
});
