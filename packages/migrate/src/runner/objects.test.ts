/**
 * A revision that widens two columns used by two stacked views and a policy (and a trigger on
 * the same table): Postgres refuses the type change while they exist, so the revision drops
 * them, changes the columns and creates them again. It applies on both databases, keeps the
 * rows, and its downgrade gives back the schema exactly (pg_dump on the server, the catalog
 * read back on both).
 */
import { catalogsEqual, describeCatalogDifferences } from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { appended, objectsDesign, reshaped, widened } from '@retort/testing/objects-design';
import { compareDumps, pgDump } from '@retort/testing/pg-dump';
import { describe, expect, it } from 'vitest';
import type { Database } from '../contract';
import { introspect } from '../introspect/introspect';
import { tempProject } from '../testing/temp-project';
import { downgrade, upgrade } from './run';

const rows = async (db: Database) =>
  (
    await db.query<{ id: number; owner_id: string; balance: string; type: string }>(
      `SELECT id, owner_id::text, balance::text, pg_typeof(balance)::text AS type FROM accounts ORDER BY id`,
    )
  ).rows;

describe.each(databaseTargets())('objects around a column type change on %s', (kind) => {
  it('the revision drops the stacked views and the policy, widens the columns, creates them again; the downgrade gives the schema back', async () => {
    const design = objectsDesign();
    const temp = await tempProject(design);
    try {
      const first = (await temp.project.createRevision('ledger'))!;
      await temp.write(widened(design));
      const second = (await temp.project.createRevision('widen balances'))!;
      expect(
        second.sql.upgrade.filter((s) => /^(DROP|CREATE|ALTER TABLE accounts ALTER)/.test(s)),
      ).toEqual([
        'DROP TRIGGER accounts_touch ON public.accounts',
        'DROP POLICY accounts_owner ON public.accounts',
        'DROP VIEW public.richest_accounts',
        'DROP VIEW public.rich_accounts',
        'ALTER TABLE accounts ALTER COLUMN balance TYPE BIGINT',
        'ALTER TABLE accounts ALTER COLUMN owner_id TYPE BIGINT',
        expect.stringMatching(/^CREATE VIEW public\.rich_accounts AS/),
        expect.stringMatching(/^CREATE VIEW public\.richest_accounts AS/),
        'CREATE POLICY accounts_owner ON public.accounts USING ((owner_id = public.current_owner()))',
        'CREATE TRIGGER accounts_touch BEFORE UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION touch()',
      ]);
      const revisions = await temp.project.revisions();
      await withTestDatabase(kind, async (db, url) => {
        await upgrade(db, revisions, first.id);
        await db.exec(
          'INSERT INTO accounts (owner_id, balance) VALUES (1, 50), (1, 150), (2, 2000000000)',
        );
        const catalogBefore = await introspect(db);
        const dumpBefore = url === null ? null : await pgDump(url);
        const rowsBefore = await rows(db);

        await upgrade(db, revisions, 'head');
        expect((await rows(db)).map((r) => r.type)).toEqual(['bigint', 'bigint', 'bigint']);
        expect((await rows(db)).map((r) => r.balance)).toEqual(rowsBefore.map((r) => r.balance));
        const rich = await db.query<{ id: number }>('SELECT id FROM richest_accounts');
        expect(rich.rows.map((r) => r.id).sort()).toEqual([2, 3]);
        const after = await introspect(db);
        expect(after.objects?.map((o) => `${o.kind} ${o.name}`)).toEqual(
          catalogBefore.objects?.map((o) => `${o.kind} ${o.name}`),
        );

        await downgrade(db, revisions, first.id);
        expect(await rows(db)).toEqual(rowsBefore);
        const catalogAfter = await introspect(db);
        expect(describeCatalogDifferences(catalogBefore, catalogAfter)).toEqual([]);
        expect(catalogsEqual(catalogBefore, catalogAfter)).toBe(true);
        if (url !== null && dumpBefore !== null) {
          const comparison = compareDumps(dumpBefore, await pgDump(url));
          expect(comparison.differences).toEqual([]);
          expect(comparison.objects).toBeGreaterThan(10);
        }
      });
    } finally {
      await temp.cleanup();
    }
  }, 300_000);

  it('views are replaced in place (one appending a column), a view and a function renamed; the downgrade gives the schema back', async () => {
    const design = objectsDesign();
    const temp = await tempProject(design);
    try {
      const first = (await temp.project.createRevision('ledger'))!;
      await temp.write(reshaped(design));
      const second = (await temp.project.createRevision('reshape'))!;
      expect(second.sql.upgrade).toEqual([
        'DROP TRIGGER accounts_touch ON public.accounts',
        'ALTER FUNCTION public.touch() RENAME TO touch_row',
        expect.stringMatching(/^CREATE OR REPLACE VIEW public\.rich_accounts AS/),
        'ALTER VIEW public.richest_accounts RENAME TO top_accounts',
        'CREATE TRIGGER accounts_touch BEFORE UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION touch_row()',
        "COMMENT ON TRIGGER accounts_touch ON public.accounts IS 'Stamps touched_at'",
      ]);
      await temp.write(appended(reshaped(design)));
      const third = (await temp.project.createRevision('append'))!;
      expect(third.sql.upgrade).toEqual([
        expect.stringMatching(/^CREATE OR REPLACE VIEW public\.top_accounts AS/),
      ]);
      expect(third.sql.downgrade).toEqual([
        'DROP VIEW public.top_accounts',
        expect.stringMatching(/^CREATE VIEW public\.top_accounts AS/),
      ]);
      const revisions = await temp.project.revisions();
      await withTestDatabase(kind, async (db, url) => {
        await upgrade(db, revisions, first.id);
        await db.exec('INSERT INTO accounts (owner_id, balance) VALUES (1, 60), (2, 150)');
        const catalogBefore = await introspect(db);
        const dumpBefore = url === null ? null : await pgDump(url);

        await upgrade(db, revisions, 'head');
        const top = await db.query<{ id: number; doubled: number }>(
          'SELECT id, doubled FROM top_accounts ORDER BY id',
        );
        expect(top.rows).toEqual([
          { id: 1, doubled: 120 },
          { id: 2, doubled: 300 },
        ]);
        const names = (await introspect(db)).objects?.map((o) => `${o.kind} ${o.name}`);
        expect(names).toContain('view top_accounts');
        expect(names).toContain('function touch_row()');

        await downgrade(db, revisions, first.id);
        const catalogAfter = await introspect(db);
        expect(describeCatalogDifferences(catalogBefore, catalogAfter)).toEqual([]);
        if (url !== null && dumpBefore !== null) {
          expect(compareDumps(dumpBefore, await pgDump(url)).differences).toEqual([]);
        }
      });
    } finally {
      await temp.cleanup();
    }
  }, 300_000);
});
