import { relations } from 'drizzle-orm';
import {
  bigint,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';

export const orderProducts = pgTable(
  'order_products',
  {
    orderId: integer('order_id').notNull(),
    productId: integer('product_id').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ name: 'order_products_pkey', columns: [t.orderId, t.productId] }),
    foreignKey({
      name: 'order_products_order_id_fkey',
      columns: [t.orderId],
      foreignColumns: [orders.orderId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'order_products_product_id_fkey',
      columns: [t.productId],
      foreignColumns: [products.productId],
    }).onDelete('restrict'),
  ],
);

export const orders = pgTable(
  'orders',
  {
    orderId: serial('order_id').primaryKey(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at').defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'orders_user_id_fkey',
      columns: [t.userId],
      foreignColumns: [users.telegramId],
    }).onDelete('cascade'),
  ],
);

export const products = pgTable(
  'products',
  {
    productId: serial('product_id').primaryKey(),
    title: varchar('title', { length: 255 }).notNull(),
    description: text('description'),
    createdAt: timestamp('created_at').defaultNow(),
  },
);

export const users = pgTable(
  'users',
  {
    telegramId: bigint('telegram_id', { mode: 'number' }).primaryKey(),
    fullName: varchar('full_name', { length: 255 }).notNull(),
    username: varchar('username', { length: 255 }),
    languageCode: varchar('language_code', { length: 255 }).notNull(),
    createdAt: timestamp('created_at').defaultNow(),
    referrerId: bigint('referrer_id', { mode: 'number' }),
  },
  (t) => [
    foreignKey({
      name: 'users_referrer_id_fkey',
      columns: [t.referrerId],
      foreignColumns: [t.telegramId],
    }).onDelete('set null'),
  ],
);

export const orderProductsRelations = relations(orderProducts, ({ one }) => ({
  order: one(orders, {
    fields: [orderProducts.orderId],
    references: [orders.orderId],
    relationName: 'order_products_order_id_fkey',
  }),
  product: one(products, {
    fields: [orderProducts.productId],
    references: [products.productId],
    relationName: 'order_products_product_id_fkey',
  }),
}));

export const ordersRelations = relations(orders, ({ one, many }) => ({
  user: one(users, {
    fields: [orders.userId],
    references: [users.telegramId],
    relationName: 'orders_user_id_fkey',
  }),
  orderProducts: many(orderProducts, { relationName: 'order_products_order_id_fkey' }),
}));

export const productsRelations = relations(products, ({ many }) => ({
  orderProducts: many(orderProducts, { relationName: 'order_products_product_id_fkey' }),
}));

export const usersRelations = relations(users, ({ one, many }) => ({
  referrer: one(users, {
    fields: [users.referrerId],
    references: [users.telegramId],
    relationName: 'users_referrer_id_fkey',
  }),
  orders: many(orders, { relationName: 'orders_user_id_fkey' }),
  usersByReferrer: many(users, { relationName: 'users_referrer_id_fkey' }),
}));
