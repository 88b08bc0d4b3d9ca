import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { toCatalog } from '../catalog/from-design';
import { UNIQUE_DEFAULTS } from '../design/defaults';
import { newColumn } from '../design/new-column';
import type { Design } from '../design/types';
import { diff } from '../diff/diff';
import { lintOperations } from './lint';

const codes = (design: Design, next: Design) =>
  lintOperations(diff(design, next)).flatMap((f) => [f.code, ...(f.aliases ?? [])]);

describe('lintOperations', () => {
  const shop = loadShopDesign();

  it('says the tutorial’s VARCHAR(255) -> VARCHAR(10) fails on longer values, naming the column', () => {
    const next = structuredClone(shop);
    next.tables
      .find((t) => t.name === 'users')!
      .columns.find((c) => c.name === 'language_code')!.type = 'VARCHAR(10)';
    const findings = lintOperations(diff(shop, next));
    const narrowing = findings.find((f) => f.code === 'MF105')!;
    expect(narrowing.level).toBe('warning');
    expect(narrowing.message).toBe(
      'Changing users.language_code from VARCHAR(255) to VARCHAR(10) fails if any value is longer than 10 characters.',
    );
    expect(findings.map((f) => f.code)).toContain('changing-column-type');
  });

  it('marks dropped tables and columns as destructive', () => {
    const next = structuredClone(shop);
    next.tables = next.tables.filter((t) => t.name !== 'order_products');
    next.tables.find((t) => t.name === 'products')!.columns.pop();
    const found = codes(shop, next);
    expect(found).toEqual(
      expect.arrayContaining(['DS102', 'ban-drop-table', 'DS103', 'ban-drop-column']),
    );
  });

  it('warns about a NOT NULL column without default on an existing table, not on a new one', () => {
    const next = structuredClone(shop);
    const column = newColumn({ id: 'c_new', name: 'nickname', type: 'TEXT', nullable: false });
    next.tables.find((t) => t.name === 'users')!.columns.push(column);
    expect(codes(shop, next)).toEqual(
      expect.arrayContaining(['MF103', 'adding-not-nullable-field']),
    );
    const empty: Design = { ...shop, tables: [] };
    const created = lintOperations(diff(empty, shop)).map((f) => f.code);
    expect(created).not.toContain('MF103');
    expect(created).not.toContain('adding-foreign-key-constraint');
    expect(created).toContain('prefer-timestamptz');
  });

  it('flags renames as backward-incompatible and new keys as lock and row risks', () => {
    const next = structuredClone(shop);
    next.tables.find((t) => t.name === 'users')!.name = 'people';
    next.tables
      .find((t) => t.name === 'products')!
      .uniques.push({
        id: 'u_title',
        name: null,
        columns: ['c_products_title'],
        ...UNIQUE_DEFAULTS,
      });
    const found = codes(shop, next);
    expect(found).toEqual(
      expect.arrayContaining(['BC101', 'renaming-table', 'MF101', 'disallowed-unique-constraint']),
    );
    expect(toCatalog(next).tables.some((t) => t.name === 'people')).toBe(true);
  });
});
