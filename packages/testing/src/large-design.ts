/**
 * Deterministic large designs for benchmarks and load checks: `tables` tables of eight
 * columns each, every table after the first referencing an earlier one, laid out on a grid.
 */
import {
  type Column,
  type Design,
  FOREIGN_KEY_DEFAULTS,
  INDEX_DEFAULTS,
  newColumn,
  TABLE_KEY_DEFAULTS,
  type Table,
} from '@retort/core';

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
    // A scattered earlier table (7919 is prime): real schemas are not one hub with 999 keys.
    const parent = t > 0 ? 7919 % t : null;
    if (parent !== null)
      columns.push(newColumn({ id: `${id}_parent`, name: `parent_id`, type: 'BIGINT' }));
    result.push({
      id,
      name: `table_${String(t).padStart(4, '0')}`,
      comment: null,
      position: { x: (t % 25) * 320, y: Math.floor(t / 25) * 300 },
      columns,
      ...TABLE_KEY_DEFAULTS,
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
                ...FOREIGN_KEY_DEFAULTS,
              },
            ],
      uniques: [],
      indexes:
        t % 3 === 0
          ? [
              {
                id: `${id}_ix`,
                name: null,
                columns: [`${id}_c1`],
                unique: false,
                ...INDEX_DEFAULTS,
              },
            ]
          : [],
      checks: [],
    });
  }
  return { format: 'retort.design/5', name: `large_${tables}`, enums: [], tables: result };
}

/**
 * A schema shaped like a real application's, never laid out (as `retort import --sql`
 * leaves it): a few hub tables (organisations, users, files) that most tables reference,
 * modules of about a dozen tables that reference their module's main table and sometimes
 * another module's, some lookup tables, and a few tables on their own. Deterministic.
 */
export function relationalDesign(tables: number): Design {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const result: Table[] = [];
  const add = (name: string, references: string[], extra: number) => {
    const id = `t${result.length}`;
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
    const foreignKeys: Table['foreignKeys'] = [];
    for (const [i, target] of references.entries()) {
      const targetTable = result.find((t) => t.id === target)!;
      const columnId = `${id}_ref${i}`;
      columns.push(
        newColumn({
          id: columnId,
          name: `${targetTable.name}_id`,
          type: 'BIGINT',
          nullable: false,
        }),
      );
      foreignKeys.push({
        id: `${id}_fk${i}`,
        name: null,
        columns: [columnId],
        references: { table: target, columns: [`${target}_id`] },
        onDelete: i === 0 ? 'CASCADE' : null,
        onUpdate: null,
        ...FOREIGN_KEY_DEFAULTS,
      });
    }
    for (let c = 1; c <= extra; c++) {
      columns.push(
        newColumn({ id: `${id}_c${c}`, name: `field_${c}`, type: TYPES[(result.length + c) % 7]! }),
      );
    }
    result.push({
      id,
      name,
      comment: null,
      position: null,
      ...TABLE_KEY_DEFAULTS,
      columns,
      foreignKeys,
      uniques: [],
      indexes: [],
      checks: [],
    });
    return id;
  };
  const organisations = add('organisations', [], 4);
  const users = add('users', [organisations], 6);
  const files = add('files', [users], 4);
  const hubs = [organisations, users, files];
  const lookups: string[] = [];
  for (let l = 0; l < 4; l++) lookups.push(add(`lookup_${l}`, [], 2));
  const moduleMains: string[] = [];
  let m = 0;
  while (result.length < tables - 4) {
    const main = add(`m${m}_main`, [organisations, users].slice(0, 1 + (m % 2)), 5);
    moduleMains.push(main);
    const moduleTables = [main];
    const size = 6 + Math.floor(random() * 10);
    for (let i = 1; i < size && result.length < tables - 4; i++) {
      const refs = new Set<string>([moduleTables[Math.floor(random() * moduleTables.length)]!]);
      if (random() < 0.35) refs.add(hubs[Math.floor(random() * hubs.length)]!);
      if (random() < 0.15 && moduleMains.length > 1)
        refs.add(moduleMains[Math.floor(random() * (moduleMains.length - 1))]!);
      if (random() < 0.15) refs.add(lookups[Math.floor(random() * lookups.length)]!);
      moduleTables.push(add(`m${m}_table_${i}`, [...refs], 2 + Math.floor(random() * 6)));
    }
    m++;
  }
  while (result.length < tables) add(`standalone_${result.length}`, [], 3);
  return { format: 'retort.design/5', name: `schema_${tables}`, enums: [], tables: result };
}
