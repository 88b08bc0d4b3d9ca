/**
 * Deterministic large designs for benchmarks and load checks: `tables` tables of eight
 * columns each, every table after the first referencing an earlier one, laid out on a grid.
 */
import { type Column, type Design, newColumn, type Table } from '@retort/core';

const TYPES = [
  'VARCHAR(255)',
  'TEXT',
  'INTEGER',
  'BOOLEAN',
  'TIMESTAMPTZ',
  'NUMERIC(12,2)',
  'JSONB',
];

export function largeDesign(tables: number): Design {
  const result: Table[] = [];
  for (let t = 0; t < tables; t++) {
    const id = `t${t}`;
    const columns: Column[] = [
      newColumn({
        id: `${id}_id`,
        name: 'id',
        type: 'BIGINT',
        primaryKey: true,
        autoincrement: true,
        nullable: false,
      }),
    ];
    for (let c = 1; c <= 6; c++) {
      columns.push(
        newColumn({ id: `${id}_c${c}`, name: `field_${c}`, type: TYPES[(t + c) % TYPES.length]! }),
      );
    }
    const parent = t > 0 ? (t * 7919) % t : null;
    if (parent !== null)
      columns.push(newColumn({ id: `${id}_parent`, name: `parent_id`, type: 'BIGINT' }));
    result.push({
      id,
      name: `table_${String(t).padStart(4, '0')}`,
      comment: null,
      position: { x: (t % 25) * 320, y: Math.floor(t / 25) * 300 },
      columns,
      foreignKeys:
        parent === null
          ? []
          : [
              {
                id: `${id}_fk`,
                name: null,
                columns: [`${id}_parent`],
                references: { table: `t${parent}`, columns: [`t${parent}_id`] },
                onDelete: 'CASCADE',
                onUpdate: null,
              },
            ],
      uniques: [],
      indexes:
        t % 3 === 0 ? [{ id: `${id}_ix`, name: null, columns: [`${id}_c1`], unique: false }] : [],
      checks: [],
    });
  }
  return { format: 'retort.design/1', name: `large_${tables}`, enums: [], tables: result };
}
