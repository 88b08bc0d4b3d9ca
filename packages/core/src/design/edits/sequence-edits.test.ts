import { describe, expect, it } from 'vitest';
import type { Design } from '../types';
import { validateDesign } from '../validate';
import { addSequence, deleteSequence, updateSequence } from './sequence-edits';

const design: Design = {
  format: 'retort.design/5',
  name: 'd',
  enums: [],
  tables: [
    {
      id: 't1',
      name: 'invoices',
      comment: null,
      position: null,
      columns: [
        {
          id: 'c1',
          name: 'number',
          type: 'BIGINT',
          nullable: false,
          primaryKey: true,
          autoincrement: false,
          unique: false,
          default: { sql: "nextval('sequence_1'::regclass)" },
          comment: null,
        },
      ],
      primaryKeyName: null,
      primaryKeyOrder: null,
      primaryKeyComment: null,
      foreignKeys: [],
      uniques: [],
      indexes: [],
      checks: [],
    },
  ],
};

describe('sequence edits', () => {
  it('add, rename into a schema (the default that calls it follows), own, and delete', () => {
    const added = addSequence(design);
    expect(added.design.sequences!.map((s) => s.name)).toEqual(['sequence_1']);
    expect(validateDesign(added.design).problems).toEqual([]);
    const moved = updateSequence(added.design, added.id, { name: 'numbers', schema: 'app' });
    expect(moved.tables[0]!.columns[0]!.default).toEqual({
      sql: "nextval('app.numbers'::regclass)",
    });
    const back = updateSequence(moved, added.id, {
      schema: undefined,
      start: '1000',
      ownedBy: { table: 't1', column: 'c1' },
    });
    expect(validateDesign(back).problems).toEqual([]);
    expect(back.sequences![0]).toMatchObject({ name: 'numbers', start: '1000' });
    expect(back.sequences![0]!.schema).toBeUndefined();
    expect(deleteSequence(back, added.id).sequences).toBeUndefined();
  });
});
