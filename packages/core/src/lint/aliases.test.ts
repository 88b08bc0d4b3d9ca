import { describe, expect, it } from 'vitest';
import type { CatalogColumn } from '../catalog/types';
import { lintOperations } from './lint';

const column: CatalogColumn = {
  name: 'language_code',
  type: 'VARCHAR(255)',
  nullable: true,
  default: null,
  autoincrement: false,
  comment: null,
};

describe('lint aliases', () => {
  it('a dropped column is one finding, DS103, with ban-drop-column as its alias', () => {
    const findings = lintOperations([{ kind: 'drop_column', table: 'users', column }]);
    expect(findings.map((f) => [f.code, f.aliases])).toEqual([['DS103', ['ban-drop-column']]]);
  });

  it('a renamed column is one finding, BC102, with renaming-column as its alias', () => {
    const findings = lintOperations([
      { kind: 'alter_column', table: 'users', before: column, after: { ...column, name: 'lang' } },
    ]);
    expect(findings.map((f) => [f.code, f.aliases])).toEqual([['BC102', ['renaming-column']]]);
  });

  it('a NOT NULL column added without a default stays two findings: failing rows and a lock', () => {
    const findings = lintOperations([
      {
        kind: 'add_column',
        table: 'users',
        column: { ...column, name: 'x', type: 'TEXT', nullable: false },
      },
    ]);
    expect(findings.map((f) => f.code)).toEqual(['MF103', 'adding-not-nullable-field']);
  });
});
