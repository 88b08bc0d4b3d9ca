/**
 * A design of the corners where naive SQLAlchemy models go wrong: Python keywords and
 * names the module imports as column names, a SERIAL that is not the primary key, a
 * NUMERIC primary key (SQLAlchemy would make it SERIAL), a colon in a check, a table
 * named like an imported class, two keys to one table, a three-table key cycle.
 */
import { type Design, parseDesign } from '@retort/core';

const col = (table: string, name: string, type: string, extra: Record<string, unknown> = {}) => ({
  id: `c_${table}_${name}`,
  name,
  type,
  ...extra,
});

export const quirksDesign: Design = parseDesign({
  format: 'retort.design/5',
  name: 'quirks',
  enums: [{ id: 'e_kind', name: 'kind', values: ["it's", 'back\\slash', 'plain'] }],
  tables: [
    {
      id: 't_index',
      name: 'index',
      columns: [
        col('index', 'code', 'NUMERIC(12)', { primaryKey: true, nullable: false }),
        col('index', 'class', 'TEXT', { nullable: false }),
        col('index', 'from', 'INTEGER'),
        col('index', 'metadata', 'JSONB'),
        col('index', 'text', 'TEXT', { default: { sql: "'a:b :c'" } }),
        col('index', 'ticket_no', 'INTEGER', { autoincrement: true, nullable: false }),
        col('index', 'kind', 'kind', { default: { sql: "'plain'" } }),
      ],
      checks: [{ id: 'k1', name: null, expression: "text <> ':empty'" }],
    },
    {
      id: 't_tickets',
      name: 'tickets',
      columns: [
        col('tickets', 'id', 'INTEGER', { primaryKey: true, nullable: false, autoincrement: true }),
        col('tickets', 'seq', 'SMALLINT', {
          primaryKey: true,
          nullable: false,
          autoincrement: true,
        }),
        col('tickets', 'opened_by', 'NUMERIC(12)'),
        col('tickets', 'closed_by', 'NUMERIC(12)'),
        col('tickets', 'next_id', 'INTEGER'),
        col('tickets', 'next_seq', 'SMALLINT'),
      ],
      foreignKeys: [
        {
          id: 'f1',
          columns: ['c_tickets_opened_by'],
          references: { table: 't_index', columns: ['c_index_code'] },
        },
        {
          id: 'f2',
          columns: ['c_tickets_closed_by'],
          references: { table: 't_index', columns: ['c_index_code'] },
        },
        {
          id: 'f3',
          columns: ['c_tickets_next_id', 'c_tickets_next_seq'],
          references: { table: 't_tickets', columns: ['c_tickets_id', 'c_tickets_seq'] },
        },
      ],
    },
    {
      id: 't_a',
      name: 'a',
      columns: [
        col('a', 'id', 'INTEGER', { primaryKey: true, nullable: false }),
        col('a', 'b_id', 'INTEGER'),
      ],
      foreignKeys: [
        { id: 'fa', columns: ['c_a_b_id'], references: { table: 't_b', columns: ['c_b_id'] } },
      ],
    },
    {
      id: 't_b',
      name: 'b',
      columns: [
        col('b', 'id', 'INTEGER', { primaryKey: true, nullable: false }),
        col('b', 'c_id', 'INTEGER'),
      ],
      foreignKeys: [
        { id: 'fb', columns: ['c_b_c_id'], references: { table: 't_c', columns: ['c_c_id'] } },
      ],
    },
    {
      id: 't_c',
      name: 'c',
      columns: [
        col('c', 'id', 'INTEGER', { primaryKey: true, nullable: false }),
        col('c', 'a_id', 'INTEGER'),
      ],
      foreignKeys: [
        { id: 'fc', columns: ['c_c_a_id'], references: { table: 't_a', columns: ['c_a_id'] } },
      ],
    },
  ],
});
