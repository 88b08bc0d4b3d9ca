/**
 * A design in three schemas: `public.users`, `app.accounts` and `app.orders` (an enum
 * `app.order_status`, a key to `public.users`), `audit.events` (a key to `app.orders`), and
 * the same table name `users` in `public` and `app`, each with its default key names.
 */
import { type Design, parseDesign } from '@retort/core';

export const schemasDesignInput = {
  format: 'retort.design/5',
  name: 'schemas',
  enums: [
    { id: 'e_status', name: 'order_status', schema: 'app', values: ['new', 'paid', 'shipped'] },
  ],
  tables: [
    {
      id: 't_users',
      name: 'users',
      columns: [
        { id: 'c_users_id', name: 'id', type: 'bigint', primaryKey: true, autoincrement: true },
        { id: 'c_users_email', name: 'email', type: 'text', nullable: false, unique: true },
      ],
      indexes: [{ id: 'ix_users_email', name: null, columns: ['c_users_email'] }],
    },
    {
      id: 't_app_users',
      name: 'users',
      schema: 'app',
      columns: [
        { id: 'c_au_id', name: 'id', type: 'integer', primaryKey: true, autoincrement: true },
        { id: 'c_au_email', name: 'email', type: 'text', nullable: false, unique: true },
      ],
      indexes: [{ id: 'ix_au_email', name: null, columns: ['c_au_email'] }],
    },
    {
      id: 't_orders',
      name: 'orders',
      schema: 'app',
      comment: 'One order of one user.',
      columns: [
        { id: 'c_orders_id', name: 'id', type: 'bigint', primaryKey: true, autoincrement: true },
        { id: 'c_orders_user', name: 'user_id', type: 'bigint', nullable: false },
        {
          id: 'c_orders_status',
          name: 'status',
          type: 'app.order_status',
          nullable: false,
          default: { sql: "'new'" },
        },
        { id: 'c_orders_tags', name: 'history', type: 'app.order_status[]' },
      ],
      foreignKeys: [
        {
          id: 'fk_orders_user',
          name: null,
          columns: ['c_orders_user'],
          references: { table: 't_users', columns: ['c_users_id'] },
          onDelete: 'CASCADE',
        },
      ],
      checks: [{ id: 'ck_orders_user', name: null, expression: 'user_id > 0' }],
      indexes: [{ id: 'ix_orders_user', name: null, columns: ['c_orders_user'] }],
    },
    {
      id: 't_events',
      name: 'events',
      schema: 'audit',
      columns: [
        {
          id: 'c_events_id',
          name: 'id',
          type: 'bigint',
          primaryKey: true,
          identity: { generation: 'ALWAYS' },
        },
        { id: 'c_events_order', name: 'order_id', type: 'bigint' },
        { id: 'c_events_at', name: 'at', type: 'timestamptz', default: { sql: 'now()' } },
        {
          id: 'c_events_seq',
          name: 'seq',
          type: 'integer',
          autoincrement: true,
          nullable: false,
        },
      ],
      foreignKeys: [
        {
          id: 'fk_events_order',
          name: null,
          columns: ['c_events_order'],
          references: { table: 't_orders', columns: ['c_orders_id'] },
        },
      ],
    },
  ],
};

export function schemasDesign(): Design {
  return parseDesign(structuredClone(schemasDesignInput));
}
