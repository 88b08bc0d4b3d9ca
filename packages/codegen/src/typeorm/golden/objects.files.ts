// ==> account.entity.ts <==
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

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

// ==> rich-accounts.view.ts <==
import { ViewColumn, ViewEntity } from 'typeorm';

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

// ==> richest-accounts.view.ts <==
import { ViewEntity } from 'typeorm';

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

// ==> index.ts <==
export { Account } from './account.entity';
export { RichAccounts } from './rich-accounts.view';
export { RichestAccounts } from './richest-accounts.view';
