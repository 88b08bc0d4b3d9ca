import { sql } from 'drizzle-orm';
import {
  bigint,
  integer,
  pgTable,
  text,
} from 'drizzle-orm/pg-core';

export const tickets = pgTable(
  'tickets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity({ startWith: 1000, cache: 20 }),
    number_: integer('number').notNull().generatedByDefaultAsIdentity(),
    // Drizzle cannot express the collation of tickets.code: COLLATE "C".
    code: text('code').notNull(),
    codeLength: integer('code_length').generatedAlwaysAs(sql`length(code)`),
  },
);
