import { describe, expect, it } from 'vitest';
import { designIds } from '../ids';
import { parseDesign } from '../parse';
import { validateDesign } from '../validate';
import { mergeImportedDesign, replaceWithImported } from './import-design';

const current = parseDesign({
  format: 'retort.design/1',
  name: 'shop',
  enums: [{ id: 'e1', name: 'status', values: ['new', 'paid'] }],
  tables: [
    {
      id: 't1',
      name: 'users',
      columns: [{ id: 'c1', name: 'id', type: 'INTEGER', primaryKey: true, nullable: false }],
      uniques: [],
    },
  ],
});

const imported = parseDesign({
  format: 'retort.design/1',
  name: 'imported',
  enums: [
    { id: 'e1', name: 'status', values: ['new', 'paid'] },
    { id: 'e2', name: 'mood', values: ['ok'] },
  ],
  tables: [
    {
      id: 't1',
      name: 'users',
      columns: [
        { id: 'c1', name: 'id', type: 'BIGINT', primaryKey: true, nullable: false },
        { id: 'c2', name: 'email', type: 'TEXT', nullable: false },
      ],
      uniques: [{ id: 'u1', name: 'users_email_key', columns: ['c2'] }],
    },
    {
      id: 't2',
      name: 'posts',
      columns: [
        { id: 'c3', name: 'id', type: 'INTEGER', primaryKey: true, nullable: false },
        { id: 'c4', name: 'author', type: 'BIGINT', nullable: false },
        { id: 'c5', name: 'mood', type: 'mood' },
        { id: 'c6', name: 'state', type: 'status' },
      ],
      foreignKeys: [
        {
          id: 'f1',
          name: 'posts_author_fkey',
          columns: ['c4'],
          references: { table: 't1', columns: ['c1'] },
        },
      ],
    },
  ],
});

describe('mergeImportedDesign', () => {
  it('adds every imported table under new ids, renaming the taken names, and stays valid', () => {
    const { design, tableIds, conflicts } = mergeImportedDesign(current, imported);
    expect(design.tables.map((t) => t.name)).toEqual(['users', 'users_1', 'posts']);
    expect(conflicts).toEqual({ tables: [{ name: 'users', becomes: 'users_1' }], enums: [] });
    expect(tableIds).toHaveLength(2);
    expect(design.enums.map((e) => e.name)).toEqual(['status', 'mood']);
    const [users1, posts] = [design.tables[1]!, design.tables[2]!];
    expect(posts.foreignKeys[0]!.references.table).toBe(users1.id);
    expect(posts.foreignKeys[0]!.name).toBe('posts_author_fkey');
    expect(users1.uniques[0]!.name).toBeNull();
    const ids = [...designIds(design)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(validateDesign(design).problems).toEqual([]);
  });

  it('renames an imported enum whose name is taken with other values, and its columns follow', () => {
    const other = { ...imported, enums: [{ id: 'e9', name: 'status', values: ['x'] }] };
    other.tables = [
      { ...imported.tables[1]!, foreignKeys: [], columns: [imported.tables[1]!.columns[3]!] },
    ];
    const { design, conflicts } = mergeImportedDesign(current, other);
    expect(conflicts.enums).toEqual([{ name: 'status', becomes: 'status_1' }]);
    expect(design.tables[1]!.columns[0]!.type).toBe('status_1');
    expect(validateDesign(design).problems).toEqual([]);
  });
});

describe('replaceWithImported', () => {
  it('keeps the current design name', () => {
    expect(replaceWithImported(current, imported)).toEqual({ ...imported, name: 'shop' });
  });
});
