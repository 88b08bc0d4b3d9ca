import { describe, expect, it } from 'vitest';
import { newColumn } from '../new-column';
import type { Design } from '../types';
import { validateDesign } from '../validate';
import { setEnumSchema, updateEnum } from './edits';

const design = (): Design => ({
  format: 'retort.design/5',
  name: 'enums',
  enums: [{ id: 'e_status', name: 'status', values: ['new', 'done'] }],
  tables: [
    {
      id: 't_tasks',
      name: 'tasks',
      comment: null,
      position: null,
      primaryKeyName: null,
      primaryKeyOrder: null,
      primaryKeyComment: null,
      columns: [
        newColumn({ id: 'c_id', name: 'id', type: 'INTEGER', primaryKey: true, nullable: false }),
        newColumn({ id: 'c_state', name: 'state', type: 'status' }),
        newColumn({ id: 'c_history', name: 'history', type: 'status[]' }),
        newColumn({ id: 'c_note', name: 'note', type: 'TEXT' }),
      ],
      foreignKeys: [],
      uniques: [],
      indexes: [],
      checks: [],
    },
  ],
});

const types = (d: Design) => d.tables[0]!.columns.map((c) => c.type);

describe('enum edits', () => {
  it('a renamed enum is renamed in its columns and arrays of it', () => {
    const next = updateEnum(design(), 'e_status', { name: 'task_state' });
    expect(types(next)).toEqual(['INTEGER', 'task_state', 'task_state[]', 'TEXT']);
    expect(validateDesign(next).problems).toEqual([]);
  });

  it('an enum moved to another schema is named with it in its columns, and back', () => {
    const moved = setEnumSchema(design(), 'e_status', ' app ');
    expect(moved.enums[0]!.schema).toBe('app');
    expect(types(moved)).toEqual(['INTEGER', 'app.status', 'app.status[]', 'TEXT']);
    expect(validateDesign(moved).problems).toEqual([]);
    const renamed = updateEnum(moved, 'e_status', { name: 'state' });
    expect(types(renamed)).toEqual(['INTEGER', 'app.state', 'app.state[]', 'TEXT']);
    const back = setEnumSchema(renamed, 'e_status', 'public');
    expect('schema' in back.enums[0]!).toBe(false);
    expect(types(back)).toEqual(['INTEGER', 'state', 'state[]', 'TEXT']);
  });

  it('moving an enum to the schema it is in changes nothing', () => {
    const d = design();
    expect(setEnumSchema(d, 'e_status', '')).toBe(d);
    expect(setEnumSchema(d, 'e_status', 'public')).toBe(d);
  });
});
