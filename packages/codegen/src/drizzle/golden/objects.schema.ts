import { sql } from 'drizzle-orm';
import {
  integer,
  pgTable,
  pgView,
  serial,
  timestamp,
} from 'drizzle-orm/pg-core';

export const accounts = pgTable(
  'accounts',
  {
    id: serial('id').primaryKey(),
    ownerId: integer('owner_id').notNull(),
    balance: integer('balance').notNull(),
    touchedAt: timestamp('touched_at', { withTimezone: true }),
  },
);

export const richAccounts = pgView('rich_accounts', {
  id: integer('id'),
  balance: integer('balance'),
}).as(
  sql`SELECT accounts.id,
    accounts.balance
   FROM accounts
  WHERE (accounts.balance > 100)`,
);

export const richestAccounts = pgView('richest_accounts', {
  // Its columns are not known until the view is read back from the database.
}).as(
  sql`SELECT rich_accounts.id,
    rich_accounts.balance
   FROM rich_accounts
  ORDER BY rich_accounts.balance DESC
 LIMIT 10`,
);

// Drizzle cannot express these objects; Retort's SQL and Alembic revisions create them:
//   function public.current_owner()
//   function public.touch()
//   row-level security on public.accounts
//   forced row-level security on public.accounts
//   policy public.accounts_owner on accounts
//   trigger public.accounts_touch on accounts
