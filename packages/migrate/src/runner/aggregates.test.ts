/**
 * An aggregate whose initial state changes is replaced in place (`CREATE OR REPLACE
 * AGGREGATE`, Postgres 12 on), so the view that uses it stays; on both databases the revision
 * applies, the view counts from the new state, and the downgrade gives the old one back.
 */
import type { Design, DesignObject } from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { objectsDesign } from '@retort/testing/objects-design';
import { describe, expect, it } from 'vitest';
import type { Database } from '../contract';
import { tempProject } from '../testing/temp-project';
import { downgrade, upgrade } from './run';

function totals(initial: string): Design {
  const object = (o: Partial<DesignObject> & Pick<DesignObject, 'id' | 'kind' | 'name'>) => ({
    schema: 'public',
    table: null,
    comment: null,
    dependsOn: [],
    definition: '',
    ...o,
  });
  return {
    ...objectsDesign(),
    objects: [
      object({
        id: 'o_add',
        kind: 'function',
        name: 'add_balance(total bigint, balance integer)',
        definition: `CREATE OR REPLACE FUNCTION public.add_balance(total bigint, balance integer)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT total + balance $function$
`,
      }),
      object({
        id: 'o_total',
        kind: 'aggregate',
        name: 'total_balance(integer)',
        definition: `CREATE AGGREGATE public.total_balance(integer) (\n    SFUNC = public.add_balance,\n    STYPE = bigint,\n    INITCOND = '${initial}'\n);`,
        dependsOn: ['o_add'],
      }),
      object({
        id: 'o_view',
        kind: 'view',
        name: 'balance_total',
        definition: ' SELECT public.total_balance(balance) AS total FROM public.accounts;',
        dependsOn: ['t_accounts', 'o_total'],
      }),
    ],
  };
}

const total = async (db: Database) =>
  (
    await db.query<{ total: string; view: number }>(
      "SELECT total::text, 'public.balance_total'::regclass::oid::int AS view FROM balance_total",
    )
  ).rows[0];

describe.each(databaseTargets())('an aggregate changed in place on %s', (kind) => {
  it('is replaced, not dropped and created, and the view over it stays', async () => {
    const temp = await tempProject(totals('0'));
    try {
      const first = (await temp.project.createRevision('totals'))!;
      await temp.write(totals('100'));
      const second = (await temp.project.createRevision('count from 100'))!;
      const replaced = `CREATE OR REPLACE AGGREGATE public.total_balance(integer) (\n    SFUNC = public.add_balance,\n    STYPE = bigint,\n    INITCOND = '%'\n)`;
      expect(second.operations.map((op) => op.kind)).toEqual(['replace_object']);
      expect(second.sql.upgrade).toEqual([replaced.replace('%', '100')]);
      expect(second.sql.downgrade).toEqual([replaced.replace('%', '0')]);
      const revisions = await temp.project.revisions();
      await withTestDatabase(kind, async (db) => {
        await upgrade(db, revisions, first.id);
        await db.exec('INSERT INTO accounts (owner_id, balance) VALUES (1, 5), (2, 7)');
        const before = await total(db);
        expect(before?.total).toBe('12');
        await upgrade(db, revisions, 'head');
        expect(await total(db)).toEqual({ total: '112', view: before?.view });
        await downgrade(db, revisions, first.id);
        expect(await total(db)).toEqual(before);
      });
    } finally {
      await temp.cleanup();
    }
  }, 300_000);
});
