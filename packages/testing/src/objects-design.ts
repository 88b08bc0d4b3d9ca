/**
 * A design whose objects stand on a column that changes type: two stacked views over
 * `accounts.balance` and a policy over `accounts.owner_id` that calls a function, with
 * row-level security enabled and forced, and a trigger on the table. `widened` changes both
 * columns from INTEGER to BIGINT, which Postgres refuses while the views and the policy
 * exist. Definitions are written as Postgres 15 prints them.
 */
import type { Design } from '@retort/core';

export function objectsDesign(): Design {
  return {
    format: 'retort.design/5',
    name: 'ledger',
    enums: [],
    tables: [
      {
        id: 't_accounts',
        name: 'accounts',
        comment: null,
        position: null,
        primaryKeyName: null,
        primaryKeyOrder: null,
        primaryKeyComment: null,
        columns: [
          column('c_id', 'id', 'INTEGER', {
            primaryKey: true,
            autoincrement: true,
            nullable: false,
          }),
          column('c_owner', 'owner_id', 'INTEGER', { nullable: false }),
          column('c_balance', 'balance', 'INTEGER', { nullable: false }),
          column('c_touched', 'touched_at', 'TIMESTAMPTZ', {}),
        ],
        foreignKeys: [],
        uniques: [],
        indexes: [],
        checks: [],
      },
    ],
    objects: [
      {
        id: 'o_current_owner',
        kind: 'function',
        schema: 'public',
        name: 'current_owner()',
        table: null,
        definition: `CREATE OR REPLACE FUNCTION public.current_owner()
 RETURNS integer
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$ SELECT NULLIF(current_setting('app.owner', true), '')::integer $function$
`,
        comment: 'The owner the session acts for',
        dependsOn: [],
      },
      {
        id: 'o_touch',
        kind: 'function',
        schema: 'public',
        name: 'touch()',
        table: null,
        definition: `CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  NEW.touched_at := now();
  RETURN NEW;
END
$function$
`,
        comment: null,
        dependsOn: [],
      },
      {
        id: 'o_rich',
        kind: 'view',
        schema: 'public',
        name: 'rich_accounts',
        table: null,
        definition: ` SELECT accounts.id,
    accounts.balance
   FROM accounts
  WHERE (accounts.balance > 100);`,
        comment: 'Accounts over 100',
        dependsOn: ['t_accounts'],
      },
      {
        id: 'o_richest',
        kind: 'view',
        schema: 'public',
        name: 'richest_accounts',
        table: null,
        definition: ` SELECT rich_accounts.id,
    rich_accounts.balance
   FROM rich_accounts
  ORDER BY rich_accounts.balance DESC
 LIMIT 10;`,
        comment: null,
        dependsOn: ['o_rich'],
      },
      {
        id: 'o_policy',
        kind: 'policy',
        schema: 'public',
        name: 'accounts_owner',
        table: 't_accounts',
        definition:
          'CREATE POLICY accounts_owner ON public.accounts USING ((owner_id = public.current_owner()));',
        comment: null,
        dependsOn: ['t_accounts', 'o_current_owner'],
      },
      {
        id: 'o_rls',
        kind: 'row_security',
        schema: 'public',
        name: 'accounts',
        table: 't_accounts',
        definition: 'ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;',
        comment: null,
        dependsOn: ['t_accounts'],
      },
      {
        id: 'o_force',
        kind: 'force_row_security',
        schema: 'public',
        name: 'accounts',
        table: 't_accounts',
        definition: 'ALTER TABLE public.accounts FORCE ROW LEVEL SECURITY;',
        comment: null,
        dependsOn: ['t_accounts'],
      },
      {
        id: 'o_trigger',
        kind: 'trigger',
        schema: 'public',
        name: 'accounts_touch',
        table: 't_accounts',
        definition:
          'CREATE TRIGGER accounts_touch BEFORE UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION touch()',
        comment: 'Stamps touched_at',
        dependsOn: ['t_accounts', 'o_touch'],
      },
    ],
  };
}

/**
 * The same design changed in place: `rich_accounts` takes a lower bound with the same
 * columns (`CREATE OR REPLACE VIEW`), `richest_accounts` is renamed `top_accounts` and
 * `touch()` `touch_row()` (`ALTER ... RENAME`), so the trigger that prints the function's
 * name is created again.
 */
export function reshaped(design: Design): Design {
  return {
    ...design,
    objects: design.objects!.map((o) => {
      switch (o.id) {
        case 'o_rich':
          return { ...o, definition: o.definition.replace('> 100', '> 50') };
        case 'o_richest':
          return { ...o, name: 'top_accounts' };
        case 'o_touch':
          return {
            ...o,
            name: 'touch_row()',
            definition: o.definition.replace('public.touch()', 'public.touch_row()'),
          };
        case 'o_trigger':
          return { ...o, definition: o.definition.replace('touch()', 'touch_row()') };
        default:
          return o;
      }
    }),
  };
}

/** The design with `richest_accounts` (which no object depends on) appending a column. */
export function appended(design: Design): Design {
  return {
    ...design,
    objects: design.objects!.map((o) =>
      o.id === 'o_richest'
        ? {
            ...o,
            definition: o.definition.replace(
              '    rich_accounts.balance\n',
              '    rich_accounts.balance,\n    (rich_accounts.balance * 2) AS doubled\n',
            ),
          }
        : o,
    ),
  };
}

/**
 * The design as import reads it from the database: `rich_accounts` with the columns
 * Postgres reports; `richest_accounts` as drawn in Retort, its columns not known yet.
 */
export function withViewColumns(design: Design): Design {
  return {
    ...design,
    objects: design.objects!.map((o) =>
      o.id === 'o_rich'
        ? {
            ...o,
            columns: [
              { name: 'id', type: 'integer' },
              { name: 'balance', type: 'integer' },
            ],
          }
        : o,
    ),
  };
}

/** The same design with `owner_id` and `balance` widened to BIGINT. */
export function widened(design: Design): Design {
  return {
    ...design,
    tables: design.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) =>
        c.name === 'owner_id' || c.name === 'balance' ? { ...c, type: 'BIGINT' } : c,
      ),
    })),
  };
}

function column(
  id: string,
  name: string,
  type: string,
  options: { primaryKey?: boolean; autoincrement?: boolean; nullable?: boolean },
): Design['tables'][number]['columns'][number] {
  return {
    id,
    name,
    type,
    nullable: options.nullable ?? true,
    primaryKey: options.primaryKey ?? false,
    autoincrement: options.autoincrement ?? false,
    unique: false,
    default: null,
    comment: null,
  };
}
