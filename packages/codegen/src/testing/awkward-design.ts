/**
 * A design whose names fight TypeScript: reserved words, spaces, a leading digit, two
 * columns that camelCase alike, a table named like an import. Its models must still compile.
 */
import {
  type Design,
  FOREIGN_KEY_DEFAULTS,
  INDEX_DEFAULTS,
  newColumn,
  TABLE_KEY_DEFAULTS,
} from '@retort/core';

export const awkwardDesign: Design = {
  format: 'retort.design/5',
  name: 'awkward',
  enums: [{ id: 'e1', name: 'class', values: ["it's", 'back\\slash', 'a"b'] }],
  tables: [
    {
      id: 't_index',
      name: 'index',
      comment: "Named like drizzle's index(); it's quoted.",
      position: null,
      ...TABLE_KEY_DEFAULTS,
      columns: [
        newColumn({
          id: 'c1',
          name: 'id',
          type: 'INTEGER',
          primaryKey: true,
          nullable: false,
          autoincrement: true,
        }),
        newColumn({ id: 'c2', name: 'class', type: 'class', default: { sql: "'it''s'" } }),
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${` that the emitters must escape.
        newColumn({ id: 'c3', name: '2fa code', type: 'TEXT', comment: 'back`tick ${x}' }),
        newColumn({ id: 'c4', name: 'full_name', type: 'TEXT' }),
        newColumn({ id: 'c5', name: 'fullName', type: 'TEXT' }),
        newColumn({ id: 'c6', name: 'parent id', type: 'INTEGER' }),
      ],
      foreignKeys: [
        {
          id: 'f1',
          name: null,
          columns: ['c6'],
          references: { table: 't_index', columns: ['c1'] },
          onDelete: 'CASCADE',
          onUpdate: null,
          ...FOREIGN_KEY_DEFAULTS,
        },
      ],
      uniques: [],
      indexes: [{ id: 'i1', name: null, columns: ['c3'], unique: false, ...INDEX_DEFAULTS }],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${` that the emitters must escape.
      checks: [
        {
          id: 'k1',
          name: null,
          expression: '"2fa code" <> \'`${x}`\'',
          notValid: false,
          comment: null,
        },
      ],
    },
  ],
};
