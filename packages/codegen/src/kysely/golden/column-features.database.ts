import type { ColumnType } from 'kysely';

export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;

export type GeneratedAlways<T> = T extends ColumnType<infer S, infer _I, infer _U>
  ? ColumnType<S, never, never>
  : ColumnType<T, never, never>;

export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;

export interface Ticket {
  id: GeneratedAlways<Int8>;
  number: Generated<number>;
  code: string;
  code_length: GeneratedAlways<number | null>;
}

export interface Database {
  tickets: Ticket;
}
