import { describe, expect, it } from 'vitest';
import type { CatalogColumn } from '../catalog/types';
import { lintOperations } from './lint';
import { rewritesTable } from './rewrite';

describe('table rewrites', () => {
  it.each([
    ['VARCHAR(50)', 'VARCHAR(100)'],
    ['VARCHAR(50)', 'TEXT'],
    ['VARCHAR', 'TEXT'],
    ['TEXT', 'VARCHAR'],
    ['VARCHAR(20)[]', 'TEXT[]'],
    ['NUMERIC(10,2)', 'NUMERIC(12,2)'],
  ])('%s to %s rewrites nothing', (from, to) => {
    expect(rewritesTable(from, to)).toBe(false);
  });

  it.each([
    ['VARCHAR(100)', 'VARCHAR(50)'],
    ['TEXT', 'VARCHAR(3000)'],
    ['INTEGER', 'BIGINT'],
    ['NUMERIC(10,2)', 'NUMERIC(12,3)'],
    ['NUMERIC(10,2)', 'NUMERIC'],
    ['TEXT', 'TEXT[]'],
  ])('%s to %s rewrites the table', (from, to) => {
    expect(rewritesTable(from, to)).toBe(true);
  });

  it('widening a VARCHAR gives no changing-column-type finding', () => {
    const before: CatalogColumn = {
      name: 'title',
      type: 'VARCHAR(50)',
      nullable: true,
      default: null,
      autoincrement: false,
      comment: null,
    };
    const codes = (type: string) =>
      lintOperations([
        { kind: 'alter_column', table: 'products', before, after: { ...before, type } },
      ]).map((f) => f.code);
    expect(codes('VARCHAR(100)')).not.toContain('changing-column-type');
    expect(codes('TEXT')).toEqual([]);
    expect(codes('VARCHAR(10)')).toContain('changing-column-type');
  });
});
