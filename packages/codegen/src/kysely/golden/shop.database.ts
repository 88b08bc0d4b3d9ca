import type { ColumnType } from 'kysely';

export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;

export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OrderProduct {
  order_id: number;
  product_id: number;
  quantity: number;
}

export interface Order {
  order_id: Generated<number>;
  user_id: Int8;
  created_at: Generated<Timestamp | null>;
}

export interface Product {
  product_id: Generated<number>;
  title: string;
  description: string | null;
  created_at: Generated<Timestamp | null>;
}

export interface User {
  telegram_id: Int8;
  full_name: string;
  username: string | null;
  language_code: string;
  created_at: Generated<Timestamp | null>;
  referrer_id: Int8 | null;
}

export interface Database {
  order_products: OrderProduct;
  orders: Order;
  products: Product;
  users: User;
}
