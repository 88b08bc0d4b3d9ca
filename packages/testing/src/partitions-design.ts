/**
 * A design with one partitioned table of each strategy: `readings` by RANGE (a primary key
 * holding the key, an index, a check, a key to `devices`) with a yearly and a DEFAULT
 * partition; `app.tickets` by LIST with two partitions; `sessions` by HASH in two.
 */
import { type Design, parseDesign } from '@retort/core';

export const partitionsDesignInput = {
  format: 'retort.design/5',
  name: 'partitions',
  enums: [],
  tables: [
    {
      id: 't_devices',
      name: 'devices',
      columns: [{ id: 'c_devices_id', name: 'id', type: 'integer', primaryKey: true }],
    },
    {
      id: 't_readings',
      name: 'readings',
      comment: 'One reading of one device.',
      partitionBy: { strategy: 'RANGE', key: 'RANGE (taken_on)' },
      columns: [
        { id: 'c_readings_id', name: 'id', type: 'bigint', primaryKey: true },
        { id: 'c_readings_on', name: 'taken_on', type: 'date', primaryKey: true },
        { id: 'c_readings_device', name: 'device_id', type: 'integer', nullable: false },
        { id: 'c_readings_value', name: 'value', type: 'numeric', default: { sql: '0' } },
      ],
      foreignKeys: [
        {
          id: 'fk_readings_device',
          name: null,
          columns: ['c_readings_device'],
          references: { table: 't_devices', columns: ['c_devices_id'] },
        },
      ],
      checks: [{ id: 'ck_readings_value', name: null, expression: 'value >= 0' }],
      indexes: [{ id: 'ix_readings_device', name: null, columns: ['c_readings_device'] }],
    },
    {
      id: 't_readings_2026',
      name: 'readings_2026',
      partitionOf: 't_readings',
      partitionBound: "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
      columns: [],
    },
    {
      id: 't_readings_other',
      name: 'readings_other',
      comment: 'Readings of any other year.',
      partitionOf: 't_readings',
      partitionBound: 'DEFAULT',
      columns: [],
    },
    {
      id: 't_tickets',
      name: 'tickets',
      schema: 'app',
      partitionBy: { strategy: 'LIST', key: 'LIST (region)' },
      columns: [
        { id: 'c_tickets_id', name: 'id', type: 'bigint', nullable: false },
        { id: 'c_tickets_region', name: 'region', type: 'text', nullable: false },
      ],
    },
    {
      id: 't_tickets_eu',
      name: 'tickets_eu',
      schema: 'app',
      partitionOf: 't_tickets',
      partitionBound: "FOR VALUES IN ('eu')",
      columns: [],
    },
    {
      id: 't_tickets_am',
      name: 'tickets_am',
      schema: 'app',
      partitionOf: 't_tickets',
      partitionBound: "FOR VALUES IN ('ca', 'us')",
      columns: [],
    },
    {
      id: 't_sessions',
      name: 'sessions',
      partitionBy: { strategy: 'HASH', key: 'HASH (user_id)' },
      columns: [
        { id: 'c_sessions_user', name: 'user_id', type: 'integer', nullable: false },
        { id: 'c_sessions_token', name: 'token', type: 'text' },
      ],
    },
    {
      id: 't_sessions_0',
      name: 'sessions_0',
      partitionOf: 't_sessions',
      partitionBound: 'FOR VALUES WITH (modulus 2, remainder 0)',
      columns: [],
    },
    {
      id: 't_sessions_1',
      name: 'sessions_1',
      partitionOf: 't_sessions',
      partitionBound: 'FOR VALUES WITH (modulus 2, remainder 1)',
      columns: [],
    },
  ],
};

export function partitionsDesign(): Design {
  return parseDesign(structuredClone(partitionsDesignInput));
}
