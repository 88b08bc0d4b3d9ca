/**
 * A design whose names fight TypeScript: reserved words, spaces, a leading digit, two
 * columns that camelCase alike, a table named like an import. Its models must still compile.
 */
import type { Column, Design } from '@retort/core';

function column(id: string, name: string, type: string, extra: Partial<Column> = {}): Column {
  return {
    id,
    name,
    type,
    nullable: true,
    primaryKey: false,
    autoincrement: false,
    unique: false,
    default: null,
    comment: null,
    ...extra,
  };
}

export const awkwardDesign: Design = {
  format: 'retort.design/1',
  name: 'awkward',
  enums: [{ id: 'e1', name: 'class', values: ["it's", 'back\\slash', 'a"b'] }],
  tables: [
    {
      id: 't_index',
      name: 'index',
      comment: "Named like drizzle's index(); it's quoted.",
      position: null,
      columns: [
        column('c1', 'id', 'INTEGER', { primaryKey: true, nullable: false, autoincrement: true }),
        column('c2', 'class', 'class', { default: { sql: "'it''s'" } }),
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${` that the emitters must escape.
        column('c3', '2fa code', 'TEXT', { comment: 'back`tick ${x}' }),
        column('c4', 'full_name', 'TEXT'),
        column('c5', 'fullName', 'TEXT'),
        column('c6', 'parent id', 'INTEGER'),
      ],
      foreignKeys: [
        {
          id: 'f1',
          name: null,
          columns: ['c6'],
          references: { table: 't_index', columns: ['c1'] },
          onDelete: 'CASCADE',
          onUpdate: null,
        },
      ],
      uniques: [],
      indexes: [{ id: 'i1', name: null, columns: ['c3'], unique: false }],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${` that the emitters must escape.
      checks: [{ id: 'k1', name: null, expression: '"2fa code" <> \'`${x}`\'' }],
    },
  ],
};
