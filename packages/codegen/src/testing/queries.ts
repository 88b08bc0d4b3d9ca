/**
 * Small typed queries over the emitted models, one per format and design: they compile only
 * when the model's types are what an application expects. `wrong` holds one deliberate
 * type error (a string where the model says number, or the other way round).
 */

const drizzleShop = (wrong: boolean): string => `import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from './schema';
import { orders, users } from './schema';

const db = drizzle('postgres://localhost/shop', { schema });

export async function findUser(): Promise<string | null> {
  const rows = await db.select().from(users).where(eq(users.telegramId, 1));
  const id: number = rows[0]!.telegramId;
  const name: ${wrong ? 'number' : 'string'} = rows[0]!.fullName;
  const username: string | null = rows[0]!.username;
  await db.insert(orders).values({ userId: id });
  const withOrders = await db.query.users.findFirst({ with: { orders: true, referrer: true } });
  const firstOrder: number | undefined = withOrders?.orders[0]?.orderId;
  const referrerName: string | undefined = withOrders?.referrer?.fullName;
  return firstOrder === undefined ? username : \`\${name} \${referrerName}\`;
}
`;

const drizzleEveryFeature = `import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from './schema';
import { customers, orders, products, sessions } from './schema';

const db = drizzle('postgres://localhost/every', { schema });

export async function report(): Promise<void> {
  const rows = await db
    .select({ id: orders.orderId, status: orders.status, total: orders.total, email: customers.email })
    .from(orders)
    .innerJoin(customers, eq(orders.customerId, customers.id))
    .where(and(eq(orders.status, 'paid'), eq(customers.isActive, true)));
  const status: 'new' | 'paid' | 'shipped' | 'cancelled' = rows[0]!.status;
  const total: string = rows[0]!.total;
  const tags: string[] = (await db.select().from(products))[0]!.tags;
  const moods: ('happy' | 'neutral' | 'sad')[] | null = (await db.select().from(sessions))[0]!.moods;
  await db.insert(products).values({ sku: 'ABC', name: 'x', price: '1.00', image: new Uint8Array([1]) });
  const team = await db.query.teams.findFirst({ with: { leadMember: true, members: true } });
  console.log(status, total, tags, moods, team?.leadMember?.nickname, team?.members.length);
}
`;

const kyselyShop = (wrong: boolean): string => `import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';

const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool() }) });

export async function findUser(): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select(['telegram_id', 'full_name', 'created_at'])
    .where('full_name', '=', ${wrong ? '42' : "'x'"})
    .executeTakeFirstOrThrow();
  const id: string = user.telegram_id;
  const created: Date | null = user.created_at;
  await db.insertInto('users').values({ telegram_id: 1, full_name: 'a', language_code: 'en' }).execute();
  await db.insertInto('orders').values({ user_id: '1' }).execute();
  console.log(id, created);
}
`;

const kyselyEveryFeature = `import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';

const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool() }) });

export async function report(): Promise<void> {
  const row = await db
    .selectFrom('orders')
    .innerJoin('customers', 'customers.id', 'orders.customer_id')
    .select(['orders.order_id', 'orders.status', 'orders.total', 'customers.email', 'customers.created_at'])
    .where('orders.status', '=', 'paid')
    .executeTakeFirstOrThrow();
  const status: 'new' | 'paid' | 'shipped' | 'cancelled' = row.status;
  const total: string = row.total;
  const created: Date = row.created_at;
  await db.insertInto('products').values({ sku: 'ABC', name: 'x', price: 1.5, tags: ['a'] }).execute();
  await db.insertInto('customers').values({ email: 'a@b', full_name: 'A' }).execute();
  const session = await db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
  const moods: ('happy' | 'neutral' | 'sad')[] | null = session.moods;
  console.log(status, total, created, moods);
}
`;

const typeormShop =
  (wrong: boolean) =>
  (from: string): string =>
    `import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Order, User } from '${from}';

const dataSource = new DataSource({ type: 'postgres', url: 'postgres://localhost/shop', entities: [User, Order] });

export async function findUser(): Promise<void> {
  const user = await dataSource.getRepository(User).findOneBy({ telegramId: ${wrong ? '1' : "'1'"} });
  const name: string | undefined = user?.fullName;
  const orders = await dataSource.getRepository(Order).find({ relations: { user: true } });
  const owner: string | undefined = orders[0]?.user.fullName;
  const referrer: User | null | undefined = user?.referrer;
  console.log(name, owner, referrer);
}
`;

const typeormEveryFeature = (from: string): string => `import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Customer, Order, Product, Team } from '${from}';

const dataSource = new DataSource({ type: 'postgres', url: 'postgres://localhost/every', entities: [Customer, Order, Product, Team] });

export async function report(): Promise<void> {
  const orders = await dataSource.getRepository(Order).find({ where: { status: 'paid' }, relations: { customer: true } });
  const status: 'new' | 'paid' | 'shipped' | 'cancelled' = orders[0]!.status;
  const total: string = orders[0]!.total;
  const email: string | undefined = orders[0]?.customer.email;
  const product = await dataSource.getRepository(Product).findOneByOrFail({ sku: 'ABC' });
  const tags: string[] = product.tags;
  const team = await dataSource.getRepository(Team).findOne({ where: { id: 1 }, relations: { leadMember: true } });
  console.log(status, total, email, tags, team?.leadMember?.nickname);
}
`;

export const QUERIES = {
  drizzle: {
    shop: { ok: drizzleShop(false), wrong: drizzleShop(true) },
    everyFeature: { ok: drizzleEveryFeature, wrong: drizzleEveryFeature },
  },
  kysely: {
    shop: { ok: kyselyShop(false), wrong: kyselyShop(true) },
    everyFeature: { ok: kyselyEveryFeature, wrong: kyselyEveryFeature },
  },
  typeorm: {
    shop: { ok: typeormShop(false), wrong: typeormShop(true) },
    everyFeature: { ok: typeormEveryFeature, wrong: typeormEveryFeature },
  },
};
