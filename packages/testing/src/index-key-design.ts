/**
 * A design with one of each index and key option Retort models: methods, expression and
 * ordered keys, operator classes, a collation, INCLUDE, a partial WHERE, NULLS NOT DISTINCT,
 * a named primary key in its own column order, and MATCH FULL, DEFERRABLE and NOT VALID
 * foreign keys between integers of different widths.
 */
import { type Design, parseDesign } from '@retort/core';

const column = (id: string, name: string, type: string, nullable = true) => ({
  id,
  name,
  type,
  nullable,
});

export const indexKeyDesign: Design = parseDesign({
  format: 'retort.design/5',
  name: 'index_keys',
  tables: [
    {
      id: 't_accounts',
      name: 'accounts',
      primaryKeyName: 'accounts_key',
      primaryKeyOrder: ['c_tenant', 'c_id'],
      columns: [
        { ...column('c_id', 'id', 'BIGINT', false), primaryKey: true },
        { ...column('c_tenant', 'tenant', 'INTEGER', false), primaryKey: true },
        column('c_email', 'email', 'TEXT', false),
        column('c_name', 'name', 'TEXT'),
        column('c_ip', 'ip', 'INET'),
        column('c_tags', 'tags', 'TEXT[]'),
        column('c_settings', 'settings', 'JSONB'),
        column('c_created', 'created_at', 'TIMESTAMPTZ'),
        column('c_deleted', 'deleted_at', 'TIMESTAMPTZ'),
      ],
      uniques: [
        {
          id: 'u_name',
          name: 'accounts_name_nnd',
          columns: ['c_name', 'c_tenant'],
          nullsNotDistinct: true,
        },
      ],
      indexes: [
        {
          id: 'i_live',
          name: 'accounts_email_live',
          unique: true,
          keys: [{ expression: 'lower(email)' }],
          where: 'deleted_at IS NULL',
        },
        {
          id: 'i_recent',
          name: 'accounts_recent',
          keys: [
            { column: 'c_created', descending: true, nulls: 'LAST' },
            { column: 'c_name', opclass: 'text_pattern_ops' },
          ],
        },
        { id: 'i_c', name: 'accounts_name_c', keys: [{ column: 'c_name', collation: 'C' }] },
        { id: 'i_tags', name: 'accounts_tags', method: 'gin', columns: ['c_tags'] },
        {
          id: 'i_settings',
          name: 'accounts_settings',
          method: 'gin',
          keys: [{ column: 'c_settings', opclass: 'jsonb_path_ops' }],
        },
        { id: 'i_hash', name: 'accounts_email_hash', method: 'hash', columns: ['c_email'] },
        { id: 'i_brin', name: 'accounts_created_brin', method: 'brin', columns: ['c_created'] },
        {
          id: 'i_ip',
          name: 'accounts_ip',
          method: 'gist',
          keys: [{ column: 'c_ip', opclass: 'inet_ops' }],
        },
        { id: 'i_sp', name: 'accounts_name_spgist', method: 'spgist', columns: ['c_name'] },
        {
          id: 'i_incl',
          name: 'accounts_tenant_incl',
          columns: ['c_tenant'],
          include: ['c_email', 'c_name'],
        },
        {
          id: 'i_nnd',
          name: 'accounts_email_nnd',
          unique: true,
          columns: ['c_email'],
          nullsNotDistinct: true,
        },
      ],
    },
    {
      id: 't_memberships',
      name: 'memberships',
      columns: [
        column('m_tenant', 'account_tenant', 'INTEGER', false),
        column('m_account', 'account_id', 'INTEGER', false),
        column('m_inviter', 'invited_by', 'INTEGER'),
      ],
      foreignKeys: [
        {
          id: 'f_account',
          name: 'memberships_account_fkey',
          columns: ['m_tenant', 'm_account'],
          references: { table: 't_accounts', columns: ['c_tenant', 'c_id'] },
          onDelete: 'CASCADE',
          match: 'FULL',
          deferrable: true,
          initiallyDeferred: true,
        },
        {
          id: 'f_inviter',
          name: 'memberships_inviter_fkey',
          columns: ['m_tenant', 'm_inviter'],
          references: { table: 't_accounts', columns: ['c_tenant', 'c_id'] },
          deferrable: true,
          notValid: true,
        },
      ],
    },
  ],
});
