import type { ColumnType } from 'kysely';

export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface Account {
  id: Generated<number>;
  owner_id: number;
  balance: number;
  touched_at: Timestamp | null;
}

export interface RichAccount {
  id: number | null;
  balance: number | null;
}

export interface RichestAccount {
  // View richest_accounts: its columns are not known until it is read back from the database.
  [column: string]: unknown;
}

export interface Database {
  accounts: Account;
  rich_accounts: RichAccount;
  richest_accounts: RichestAccount;
}

// Kysely cannot express these objects; Retort's SQL and Alembic revisions create them:
//   function public.current_owner()
//   function public.touch()
//   row-level security on public.accounts
//   forced row-level security on public.accounts
//   policy public.accounts_owner on accounts
//   trigger public.accounts_touch on accounts
