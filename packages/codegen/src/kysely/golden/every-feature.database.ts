import type { ColumnType } from 'kysely';

export type Mood = 'happy' | 'neutral' | 'sad';

export type OrderStatus = 'new' | 'paid' | 'shipped' | 'cancelled';

export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;

export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;

/** What node-postgres returns for INTERVAL (a postgres-interval object). */
export interface IPostgresInterval {
  years?: number;
  months?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
  toPostgres(): string;
  toISO(): string;
}

export type Interval = ColumnType<IPostgresInterval, IPostgresInterval | number | string, IPostgresInterval | number | string>;

export type Json = JsonValue;

export type JsonArray = JsonValue[];

export type JsonObject = {
  [x: string]: JsonValue | undefined;
};

export type JsonPrimitive = boolean | number | string | null;

export type JsonValue = JsonArray | JsonObject | JsonPrimitive;

export type Numeric = ColumnType<string, number | string, number | string>;

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface Customer {
  id: Generated<Int8>;
  email: string;
  full_name: string;
  referrer_id: Int8 | null;
  created_at: Generated<Timestamp>;
  is_active: Generated<boolean>;
}

export interface Member {
  id: Generated<number>;
  team_id: number;
  nickname: string;
}

export interface OrderLine {
  order_id: number;
  line_no: number;
  sku: string;
  quantity: Generated<number>;
}

export interface Order {
  order_id: Generated<number>;
  customer_id: Int8;
  status: Generated<OrderStatus>;
  total: Generated<Numeric>;
  placed_on: Generated<Timestamp | null>;
  placed_at: Generated<Timestamp | null>;
  notes: string | null;
}

export interface Product {
  sku: string;
  name: string;
  description: string | null;
  price: Numeric;
  cost: Numeric | null;
  stock: Generated<Numeric | null>;
  weight: number | null;
  rating: number | null;
  tags: Generated<string[]>;
  sizes: number[] | null;
  attributes: Generated<Json>;
  spec: Json | null;
  image: Buffer | null;
  available_from: string | null;
}

export interface Session {
  token: string;
  customer_id: Int8;
  started_at: Generated<Timestamp>;
  ip: string | null;
  moods: Mood[] | null;
  current_mood: Generated<Mood | null>;
  hits: Generated<Int8 | null>;
}

export interface Shipment {
  id: Generated<string>;
  order_id: number;
  line_no: number;
  customer_email: Generated<string | null>;
  delivery_window: Generated<Interval | null>;
  expected_at: Generated<Timestamp | null>;
}

export interface Team {
  id: Generated<number>;
  name: string;
  lead_member_id: number | null;
}

export interface Database {
  customers: Customer;
  members: Member;
  order_lines: OrderLine;
  orders: Order;
  products: Product;
  sessions: Session;
  shipments: Shipment;
  teams: Team;
}
