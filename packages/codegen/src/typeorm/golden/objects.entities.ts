import { Column, Entity, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from 'typeorm';

@Entity({ name: 'accounts' })
export class Account {
  @PrimaryGeneratedColumn('increment', { name: 'id', type: 'integer', primaryKeyConstraintName: 'accounts_pkey' })
  id!: number;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId!: number;

  @Column({ name: 'balance', type: 'integer' })
  balance!: number;

  @Column({ name: 'touched_at', type: 'timestamptz', nullable: true })
  touchedAt!: Date | null;
}

@ViewEntity({
  name: 'rich_accounts',
  expression: `SELECT accounts.id,
    accounts.balance
   FROM accounts
  WHERE (accounts.balance > 100)`,
})
export class RichAccounts {
  @ViewColumn({ name: 'id' })
  id!: number | null;

  @ViewColumn({ name: 'balance' })
  balance!: number | null;
}

@ViewEntity({
  name: 'richest_accounts',
  expression: `SELECT rich_accounts.id,
    rich_accounts.balance
   FROM rich_accounts
  ORDER BY rich_accounts.balance DESC
 LIMIT 10`,
})
export class RichestAccounts {
  // Its columns are not known until the view is read back from the database.
}

// TypeORM cannot express these objects; Retort's SQL and Alembic revisions create them:
//   function public.current_owner()
//   function public.touch()
//   row-level security on public.accounts
//   forced row-level security on public.accounts
//   policy public.accounts_owner on accounts
//   trigger public.accounts_touch on accounts
