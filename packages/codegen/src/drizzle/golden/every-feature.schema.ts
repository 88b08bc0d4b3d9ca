import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  inet,
  integer,
  interval,
  json,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  type PgTableExtraConfigValue,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

// drizzle-orm/pg-core has no bytea builder; node-postgres reads bytea as a Buffer (a Uint8Array).
const bytea = customType<{ data: Uint8Array }>({ dataType: () => 'bytea' });

export const moodEnum = pgEnum('mood', ['happy', 'neutral', 'sad']);
export const orderStatusEnum = pgEnum('order_status', ['new', 'paid', 'shipped', 'cancelled']);

export const customers = pgTable(
  'customers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: varchar('email', { length: 320 }).notNull().unique('customers_email_key'),
    fullName: text('full_name').notNull(),
    referrerId: bigint('referrer_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`CURRENT_TIMESTAMP`),
    isActive: boolean('is_active').notNull().default(sql`true`),
  },
  (t) => [
    foreignKey({
      name: 'customers_referrer_id_fkey',
      columns: [t.referrerId],
      foreignColumns: [t.id],
    }).onDelete('set null'),
    check('customers_full_name_check', sql`full_name <> ''`),
  ],
);

export const members = pgTable(
  'members',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id').notNull(),
    nickname: varchar('nickname', { length: 40 }).notNull(),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({
      name: 'members_team_id_fkey',
      columns: [t.teamId],
      foreignColumns: [teams.id],
    }).onDelete('cascade'),
    unique('members_team_nickname_key').on(t.teamId, t.nickname),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    orderId: integer('order_id').notNull(),
    lineNo: smallint('line_no').notNull(),
    sku: char('sku', { length: 12 }).notNull(),
    quantity: integer('quantity').notNull().default(sql`1`),
  },
  (t) => [
    primaryKey({ name: 'order_lines_pkey', columns: [t.orderId, t.lineNo] }),
    foreignKey({
      name: 'order_lines_order_id_fkey',
      columns: [t.orderId],
      foreignColumns: [orders.orderId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'order_lines_sku_fkey',
      columns: [t.sku],
      foreignColumns: [products.sku],
    }).onDelete('restrict').onUpdate('cascade'),
    check('order_lines_quantity_check', sql`quantity > 0`),
  ],
);

export const orders = pgTable(
  'orders',
  {
    orderId: serial('order_id').primaryKey(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    status: orderStatusEnum('status').notNull().default(sql`'new'`),
    total: numeric('total', { precision: 10, scale: 2 }).notNull().default(sql`0`),
    placedOn: date('placed_on').default(sql`CURRENT_DATE`),
    placedAt: timestamp('placed_at').defaultNow(),
    notes: text('notes'),
  },
  (t) => [
    foreignKey({
      name: 'orders_customer_id_fkey',
      columns: [t.customerId],
      foreignColumns: [customers.id],
    }).onDelete('cascade'),
    check('orders_total_range', sql`(total >= 0) AND (total < 1000000)`),
    index('orders_customer_id_placed_on_idx').on(t.customerId, t.placedOn),
  ],
);

export const products = pgTable(
  'products',
  {
    sku: char('sku', { length: 12 }).primaryKey(),
    name: varchar('name', { length: 200 }).notNull(),
    description: varchar('description'),
    price: numeric('price', { precision: 10, scale: 2 }).notNull(),
    cost: numeric('cost'),
    stock: numeric('stock', { precision: 8, scale: 0 }).default(sql`0`),
    weight: real('weight'),
    rating: doublePrecision('rating'),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    sizes: integer('sizes').array(),
    attributes: jsonb('attributes').notNull().default(sql`'{}'`),
    spec: json('spec'),
    image: bytea('image'),
    availableFrom: time('available_from'),
  },
  (t) => [
    unique('products_name_price_key').on(t.name, t.price),
    check('products_price_check', sql`(price >= 0) AND (price < 1000)`),
    index('ix_products_name').on(t.name),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    token: uuid('token').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    startedAt: timestamp('started_at').notNull().defaultNow(),
    ip: inet('ip'),
    moods: moodEnum('moods').array(),
    currentMood: moodEnum('current_mood').default(sql`'neutral'`),
    hits: bigint('hits', { mode: 'number' }).default(sql`-1`),
  },
  (t) => [
    foreignKey({
      name: 'sessions_customer_id_fkey',
      columns: [t.customerId],
      foreignColumns: [customers.id],
    }).onDelete('cascade'),
    unique('sessions_customer_id_started_at_key').on(t.customerId, t.startedAt),
    check('sessions_started_at_check', sql`started_at > '2000-01-01 00:00:00'::timestamp`),
    index('ix_sessions_ip').on(t.ip),
    index('sessions_started_at_idx').on(t.startedAt),
    uniqueIndex('sessions_token_idx').on(t.token),
  ],
);

export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orderId: integer('order_id').notNull(),
    lineNo: smallint('line_no').notNull(),
    customerEmail: varchar('customer_email', { length: 320 }).default(sql`'unknown'`),
    deliveryWindow: interval('delivery_window').default(sql`'2 days'`),
    expectedAt: timestamp('expected_at', { withTimezone: true }).default(sql`now() + '3 days'::interval`),
  },
  (t) => [
    foreignKey({
      name: 'shipments_customer_email_fk',
      columns: [t.customerEmail],
      foreignColumns: [customers.email],
    }).onDelete('set default').onUpdate('cascade'),
    foreignKey({
      name: 'shipments_order_id_line_no_fkey',
      columns: [t.orderId, t.lineNo],
      foreignColumns: [orderLines.orderId, orderLines.lineNo],
    }).onUpdate('restrict'),
  ],
);

export const teams = pgTable(
  'teams',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 100 }).notNull(),
    leadMemberId: integer('lead_member_id'),
  },
  (t): PgTableExtraConfigValue[] => [
    foreignKey({
      name: 'teams_lead_member_id_fkey',
      columns: [t.leadMemberId],
      foreignColumns: [members.id],
    }).onDelete('set null'),
  ],
);

export const customersRelations = relations(customers, ({ one, many }) => ({
  referrer: one(customers, {
    fields: [customers.referrerId],
    references: [customers.id],
    relationName: 'customers_referrer_id_fkey',
  }),
  customersByReferrer: many(customers, { relationName: 'customers_referrer_id_fkey' }),
  orders: many(orders, { relationName: 'orders_customer_id_fkey' }),
  sessions: many(sessions, { relationName: 'sessions_customer_id_fkey' }),
  shipments: many(shipments, { relationName: 'shipments_customer_email_fk' }),
}));

export const membersRelations = relations(members, ({ one, many }) => ({
  team: one(teams, {
    fields: [members.teamId],
    references: [teams.id],
    relationName: 'members_team_id_fkey',
  }),
  teamsByLeadMember: many(teams, { relationName: 'teams_lead_member_id_fkey' }),
}));

export const orderLinesRelations = relations(orderLines, ({ one, many }) => ({
  order: one(orders, {
    fields: [orderLines.orderId],
    references: [orders.orderId],
    relationName: 'order_lines_order_id_fkey',
  }),
  product: one(products, {
    fields: [orderLines.sku],
    references: [products.sku],
    relationName: 'order_lines_sku_fkey',
  }),
  shipments: many(shipments, { relationName: 'shipments_order_id_line_no_fkey' }),
}));

export const ordersRelations = relations(orders, ({ one, many }) => ({
  customer: one(customers, {
    fields: [orders.customerId],
    references: [customers.id],
    relationName: 'orders_customer_id_fkey',
  }),
  orderLines: many(orderLines, { relationName: 'order_lines_order_id_fkey' }),
}));

export const productsRelations = relations(products, ({ many }) => ({
  orderLines: many(orderLines, { relationName: 'order_lines_sku_fkey' }),
}));

export const sessionsRelations = relations(sessions, ({ one }) => ({
  customer: one(customers, {
    fields: [sessions.customerId],
    references: [customers.id],
    relationName: 'sessions_customer_id_fkey',
  }),
}));

export const shipmentsRelations = relations(shipments, ({ one }) => ({
  customer: one(customers, {
    fields: [shipments.customerEmail],
    references: [customers.email],
    relationName: 'shipments_customer_email_fk',
  }),
  orderLine: one(orderLines, {
    fields: [shipments.orderId, shipments.lineNo],
    references: [orderLines.orderId, orderLines.lineNo],
    relationName: 'shipments_order_id_line_no_fkey',
  }),
}));

export const teamsRelations = relations(teams, ({ one, many }) => ({
  leadMember: one(members, {
    fields: [teams.leadMemberId],
    references: [members.id],
    relationName: 'teams_lead_member_id_fkey',
  }),
  members: many(members, { relationName: 'members_team_id_fkey' }),
}));
