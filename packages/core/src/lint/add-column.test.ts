import { describe, expect, it } from 'vitest';
import type { CatalogColumn } from '../catalog/types';
import { lintOperations } from './lint';

const column = (extra: Partial<CatalogColumn>): CatalogColumn => ({
  name: 'invoice_no',
  type: 'BIGINT',
  nullable: false,
  default: null,
  autoincrement: false,
  comment: null,
  ...extra,
});

const codes = (c: CatalogColumn) =>
  lintOperations([{ kind: 'add_column', table: 'users', column: c }]).map(
    (f) => `${f.code}: ${f.message}`,
  );

const identity = {
  generation: 'ALWAYS' as const,
  start: '1',
  increment: '1',
  minValue: '1',
  maxValue: '9223372036854775807',
  cache: '1',
  cycle: false,
};

describe('adding a NOT NULL column to a table with rows', () => {
  it('without a default fails on rows, and says so', () => {
    expect(codes(column({})).map((c) => c.split(':')[0])).toEqual([
      'MF103',
      'adding-not-nullable-field',
    ]);
  });

  it('as an identity or generated column fills every row: a rewrite, not a failure', () => {
    expect(codes(column({ identity }))).toEqual([
      'adding-serial-primary-key-field: Adding identity column users.invoice_no rewrites users under an exclusive lock.',
    ]);
    expect(codes(column({ generated: '(telegram_id * 2)' }))).toEqual([
      'adding-serial-primary-key-field: Adding generated column users.invoice_no rewrites users under an exclusive lock.',
    ]);
  });
});
