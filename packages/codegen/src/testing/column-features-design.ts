/**
 * Identity columns (ALWAYS with sequence options, BY DEFAULT), a generated STORED column and
 * a collation: what each TypeScript library can say of them, and the comment where it cannot.
 */
import { type Design, IDENTITY_OPTION_DEFAULTS, newColumn, TABLE_KEY_DEFAULTS } from '@retort/core';

export const columnFeaturesDesign: Design = {
  format: 'retort.design/5',
  name: 'column_features',
  enums: [],
  tables: [
    {
      id: 't_tickets',
      name: 'tickets',
      comment: null,
      position: null,
      ...TABLE_KEY_DEFAULTS,
      columns: [
        newColumn({
          id: 'c_id',
          name: 'id',
          type: 'BIGINT',
          primaryKey: true,
          nullable: false,
          identity: {
            ...IDENTITY_OPTION_DEFAULTS,
            generation: 'ALWAYS',
            start: '1000',
            cache: '20',
          },
        }),
        newColumn({
          id: 'c_number',
          name: 'number',
          type: 'INTEGER',
          nullable: false,
          identity: { ...IDENTITY_OPTION_DEFAULTS, generation: 'BY DEFAULT' },
        }),
        newColumn({ id: 'c_code', name: 'code', type: 'TEXT', nullable: false, collation: 'C' }),
        newColumn({
          id: 'c_code_length',
          name: 'code_length',
          type: 'INTEGER',
          generated: { sql: 'length(code)' },
        }),
      ],
      foreignKeys: [],
      uniques: [],
      indexes: [],
      checks: [],
    },
  ],
};
