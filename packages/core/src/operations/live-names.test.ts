import { describe, expect, it } from 'vitest';
import type { CatalogColumn } from '../catalog/types';
import { LiveNames } from './live-names';
import type { Operation } from './types';

const col = (name: string): CatalogColumn => ({
  name,
  type: 'TEXT',
  nullable: true,
  default: null,
  autoincrement: false,
  comment: null,
});

function walk(ops: Operation[]): LiveNames {
  const names = new LiveNames();
  for (const op of ops) names.follow(op);
  return names;
}

describe('LiveNames', () => {
  it('maps a renamed table and column back to the names the database has before the list', () => {
    const names = walk([
      { kind: 'rename_table', from: 'users', to: 'people' },
      { kind: 'alter_column', table: 'people', before: col('email'), after: col('mail') },
    ]);
    expect(names.table('people')).toBe('users');
    expect(names.column('people', 'mail')).toBe('email');
    expect(names.column('people', 'name')).toBe('name');
    expect(names.table('orders')).toBe('orders');
  });

  it('gives null for a table or column the list itself creates', () => {
    const names = walk([
      {
        kind: 'create_table',
        table: {
          name: 'fresh',
          comment: null,
          columns: [col('id')],
          primaryKey: null,
          foreignKeys: [],
          uniques: [],
          checks: [],
        },
      },
      { kind: 'rename_table', from: 'fresh', to: 'newer' },
      { kind: 'add_column', table: 'users', column: col('note') },
    ]);
    expect(names.table('newer')).toBeNull();
    expect(names.column('users', 'note')).toBeNull();
  });
});
