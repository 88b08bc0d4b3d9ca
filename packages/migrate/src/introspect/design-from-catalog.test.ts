import { type Catalog, type CatalogTable, parseDesign, toCatalog } from '@retort/core';
import { describe, expect, it } from 'vitest';
import { designFromCatalog } from './design-from-catalog';

const table = (name: string, columns: string[]): CatalogTable => ({
  name,
  comment: null,
  columns: columns.map((column) => ({
    name: column,
    type: 'INTEGER',
    nullable: column !== 'id',
    default: null,
    autoincrement: false,
    comment: null,
  })),
  primaryKey: { name: `${name}_pkey`, columns: ['id'] },
  foreignKeys: [],
  uniques: [],
  indexes: [],
  checks: [],
});

describe('a design for an imported catalog', () => {
  it('gives names that derive the same id distinct ids, and keeps every reference right', () => {
    const notes = table('credit_notes', ['id', 'taxes_amount_cents']);
    const taxes = table('credit_notes_taxes', ['id', 'amount_cents', 'note_id']);
    taxes.foreignKeys = [
      {
        name: 'credit_notes_taxes_note_id_fkey',
        columns: ['note_id'],
        refTable: 'credit_notes',
        refColumns: ['id'],
        onDelete: 'NO ACTION',
        onUpdate: 'NO ACTION',
      },
    ];
    const catalog: Catalog = { enums: [], tables: [notes, taxes] };
    const design = parseDesign(designFromCatalog(catalog, 'billing'));
    const ids = design.tables.flatMap((t) => [t.id, ...t.columns.map((c) => c.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('c_credit_notes_taxes_amount_cents');
    expect(ids).toContain('c_credit_notes_taxes_amount_cents_2');
    expect(toCatalog(design)).toEqual(catalog);
  });
});
