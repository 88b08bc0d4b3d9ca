import type { ColumnType } from 'kysely';

export type Class = "it's" | 'back\\slash' | 'a"b';

export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;

export interface Index {
  id: Generated<number>;
  class: Generated<Class | null>;
  '2fa code': string | null;
  full_name: string | null;
  fullName: string | null;
  'parent id': number | null;
}

export interface Database {
  index: Index;
}
