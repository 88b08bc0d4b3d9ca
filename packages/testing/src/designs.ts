/**
 * Designs every test can share: the tutorial's shop (examples/shop/design.json) and one
 * design that exercises every feature of the model at once.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type CheckConstraint,
  type Column,
  type Design,
  FOREIGN_KEY_DEFAULTS,
  type ForeignKey,
  INDEX_DEFAULTS,
  type Index,
  newColumn,
  parseDesign,
  type ReferentialAction,
  TABLE_KEY_DEFAULTS,
  type Table,
  UNIQUE_DEFAULTS,
  type UniqueConstraint,
} from '@retort/core';

/** Absolute path of the tutorial's example design. */
export const shopDesignPath = fileURLToPath(
  new URL('../../../examples/shop/design.json', import.meta.url),
);

export function loadShopDesign(): Design {
  return parseDesign(readFileSync(shopDesignPath, 'utf8'));
}

type ColumnOptions = Partial<Omit<Column, 'id' | 'name' | 'type' | 'default'>> & {
  default?: string;
};

function column(table: string, name: string, type: string, options: ColumnOptions = {}): Column {
  const { default: sql, ...rest } = options;
  return newColumn({
    id: `c_${table}_${name}`,
    name,
    type,
    default: sql === undefined ? null : { sql },
    ...rest,
  });
}

function foreignKey(
  table: string,
  columns: string[],
  refTable: string,
  refColumns: string[],
  actions: {
    onDelete?: ReferentialAction | null;
    onUpdate?: ReferentialAction | null;
    name?: string;
  },
): ForeignKey {
  return {
    id: `f_${table}_${columns.join('_')}`,
    name: actions.name ?? null,
    columns: columns.map((c) => `c_${table}_${c}`),
    references: { table: `t_${refTable}`, columns: refColumns.map((c) => `c_${refTable}_${c}`) },
    onDelete: actions.onDelete ?? null,
    onUpdate: actions.onUpdate ?? null,
    ...FOREIGN_KEY_DEFAULTS,
  };
}

function table(
  name: string,
  x: number,
  y: number,
  columns: Column[],
  rest: Partial<Pick<Table, 'comment' | 'foreignKeys' | 'uniques' | 'indexes' | 'checks'>> = {},
): Table {
  return {
    id: `t_${name}`,
    name,
    comment: null,
    position: { x, y },
    columns,
    ...TABLE_KEY_DEFAULTS,
    foreignKeys: [],
    uniques: [],
    indexes: [],
    checks: [],
    ...rest,
  };
}

function unique(table: string, columns: string[], name: string | null = null): UniqueConstraint {
  return {
    id: `u_${table}_${columns.join('_')}`,
    name,
    columns: columns.map((c) => `c_${table}_${c}`),
    ...UNIQUE_DEFAULTS,
  };
}

function index(table: string, columns: string[], name: string | null, isUnique = false): Index {
  return {
    id: `i_${table}_${columns.join('_')}`,
    name,
    columns: columns.map((c) => `c_${table}_${c}`),
    unique: isUnique,
    ...INDEX_DEFAULTS,
  };
}

function check(
  table: string,
  id: string,
  expression: string,
  name: string | null = null,
): CheckConstraint {
  return { id: `k_${table}_${id}`, name, expression, notValid: false, comment: null };
}

/**
 * Every canonical type (and arrays, an enum array), an enum column with a default,
 * NUMERIC(10,2), a composite primary key, a composite unique, a column unique, named and
 * unnamed indexes, a unique index, named and unnamed checks, foreign keys with every action
 * (and to a unique column, and a composite one), a self-reference, a two-table foreign-key
 * cycle (teams <-> members), defaults of each flavour and comments.
 */
export const everyFeatureDesign: Design = {
  format: 'retort.design/5',
  name: 'every_feature',
  enums: [
    { id: 'e_order_status', name: 'order_status', values: ['new', 'paid', 'shipped', 'cancelled'] },
    { id: 'e_mood', name: 'mood', values: ['happy', 'neutral', 'sad'] },
  ],
  tables: [
    table(
      'customers',
      0,
      0,
      [
        column('customers', 'id', 'BIGINT', { primaryKey: true, autoincrement: true }),
        column('customers', 'email', 'VARCHAR(320)', {
          nullable: false,
          unique: true,
          comment: 'Where receipts go.',
        }),
        column('customers', 'full_name', 'TEXT', { nullable: false }),
        column('customers', 'referrer_id', 'BIGINT'),
        column('customers', 'created_at', 'TIMESTAMPTZ', {
          nullable: false,
          default: 'CURRENT_TIMESTAMP',
        }),
        column('customers', 'is_active', 'BOOLEAN', { nullable: false, default: 'true' }),
      ],
      {
        comment: 'People who buy things.',
        foreignKeys: [
          foreignKey('customers', ['referrer_id'], 'customers', ['id'], { onDelete: 'SET NULL' }),
        ],
        checks: [check('customers', 'full_name', "full_name <> ''")],
      },
    ),
    table(
      'orders',
      400,
      0,
      [
        column('orders', 'order_id', 'INTEGER', { primaryKey: true, autoincrement: true }),
        column('orders', 'customer_id', 'BIGINT', { nullable: false }),
        column('orders', 'status', 'order_status', { nullable: false, default: "'new'" }),
        column('orders', 'total', 'NUMERIC(10,2)', { nullable: false, default: '0' }),
        column('orders', 'placed_on', 'DATE', { default: 'CURRENT_DATE' }),
        column('orders', 'placed_at', 'TIMESTAMP', { default: 'now()' }),
        column('orders', 'notes', 'TEXT'),
      ],
      {
        foreignKeys: [
          foreignKey('orders', ['customer_id'], 'customers', ['id'], { onDelete: 'CASCADE' }),
        ],
        checks: [check('orders', 'total', 'total >= 0 AND total < 1000000', 'orders_total_range')],
        indexes: [index('orders', ['customer_id', 'placed_on'], null)],
      },
    ),
    table(
      'products',
      400,
      360,
      [
        column('products', 'sku', 'CHAR(12)', { primaryKey: true }),
        column('products', 'name', 'VARCHAR(200)', { nullable: false }),
        column('products', 'description', 'VARCHAR'),
        column('products', 'price', 'NUMERIC(10,2)', { nullable: false }),
        column('products', 'cost', 'NUMERIC'),
        column('products', 'stock', 'NUMERIC(8,0)', { default: '0' }),
        column('products', 'weight', 'REAL'),
        column('products', 'rating', 'DOUBLE PRECISION'),
        column('products', 'tags', 'TEXT[]', { nullable: false, default: "'{}'" }),
        column('products', 'sizes', 'INTEGER[]'),
        column('products', 'attributes', 'JSONB', { nullable: false, default: "'{}'::jsonb" }),
        column('products', 'spec', 'JSON'),
        column('products', 'image', 'BYTEA'),
        column('products', 'available_from', 'TIME'),
      ],
      {
        uniques: [unique('products', ['name', 'price'])],
        indexes: [index('products', ['name'], 'ix_products_name')],
        checks: [check('products', 'price', 'price >= 0 AND price < 1000')],
      },
    ),
    table(
      'order_lines',
      800,
      0,
      [
        column('order_lines', 'order_id', 'INTEGER', { primaryKey: true }),
        column('order_lines', 'line_no', 'SMALLINT', { primaryKey: true }),
        column('order_lines', 'sku', 'CHAR(12)', { nullable: false }),
        column('order_lines', 'quantity', 'INTEGER', { nullable: false, default: '1' }),
      ],
      {
        foreignKeys: [
          foreignKey('order_lines', ['order_id'], 'orders', ['order_id'], { onDelete: 'CASCADE' }),
          foreignKey('order_lines', ['sku'], 'products', ['sku'], {
            onDelete: 'RESTRICT',
            onUpdate: 'CASCADE',
          }),
        ],
        checks: [check('order_lines', 'quantity', 'quantity > 0')],
      },
    ),
    table(
      'shipments',
      1200,
      0,
      [
        column('shipments', 'id', 'UUID', { primaryKey: true, default: 'gen_random_uuid()' }),
        column('shipments', 'order_id', 'INTEGER', { nullable: false }),
        column('shipments', 'line_no', 'SMALLINT', { nullable: false }),
        column('shipments', 'customer_email', 'VARCHAR(320)', { default: "'unknown'" }),
        column('shipments', 'delivery_window', 'INTERVAL', { default: "'2 days'::interval" }),
        column('shipments', 'expected_at', 'TIMESTAMPTZ', {
          default: "now() + '3 days'::interval",
        }),
      ],
      {
        foreignKeys: [
          foreignKey('shipments', ['order_id', 'line_no'], 'order_lines', ['order_id', 'line_no'], {
            onDelete: 'NO ACTION',
            onUpdate: 'RESTRICT',
          }),
          foreignKey('shipments', ['customer_email'], 'customers', ['email'], {
            onDelete: 'SET DEFAULT',
            onUpdate: 'CASCADE',
            name: 'shipments_customer_email_fk',
          }),
        ],
      },
    ),
    table(
      'sessions',
      0,
      360,
      [
        column('sessions', 'token', 'UUID', { nullable: false }),
        column('sessions', 'customer_id', 'BIGINT', { nullable: false }),
        column('sessions', 'started_at', 'TIMESTAMP', { nullable: false, default: 'now()' }),
        column('sessions', 'ip', 'INET'),
        column('sessions', 'moods', 'mood[]'),
        column('sessions', 'current_mood', 'mood', { default: "'neutral'" }),
        column('sessions', 'hits', 'BIGINT', { default: '-1' }),
      ],
      {
        comment: 'A table without a primary key, on purpose.',
        foreignKeys: [
          foreignKey('sessions', ['customer_id'], 'customers', ['id'], {
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
        uniques: [unique('sessions', ['customer_id', 'started_at'])],
        indexes: [
          index('sessions', ['token'], null, true),
          index('sessions', ['ip'], 'ix_sessions_ip'),
          index('sessions', ['started_at'], null),
        ],
        checks: [check('sessions', 'window', "started_at > '2000-01-01'::timestamp")],
      },
    ),
    table(
      'teams',
      800,
      360,
      [
        column('teams', 'id', 'INTEGER', { primaryKey: true, autoincrement: true }),
        column('teams', 'name', 'VARCHAR(100)', { nullable: false }),
        column('teams', 'lead_member_id', 'INTEGER'),
      ],
      {
        foreignKeys: [
          foreignKey('teams', ['lead_member_id'], 'members', ['id'], { onDelete: 'SET NULL' }),
        ],
      },
    ),
    table(
      'members',
      1200,
      360,
      [
        column('members', 'id', 'INTEGER', { primaryKey: true, autoincrement: true }),
        column('members', 'team_id', 'INTEGER', { nullable: false }),
        column('members', 'nickname', 'VARCHAR(40)', { nullable: false }),
      ],
      {
        foreignKeys: [foreignKey('members', ['team_id'], 'teams', ['id'], { onDelete: 'CASCADE' })],
        uniques: [unique('members', ['team_id', 'nickname'], 'members_team_nickname_key')],
      },
    ),
  ],
};
