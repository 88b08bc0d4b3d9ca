/**
 * Nothing from a design runs before the person applies it: reviewing pending changes counts
 * a new check's failing rows only when every function it calls is immutable or stable; a
 * check that calls a volatile function runs only inside the applied run's transaction.
 */
import type { Operation } from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { describe, expect, it } from 'vitest';
import { preflight, preflightIn } from './preflight';

const SETUP = `
  CREATE TABLE items (id INTEGER PRIMARY KEY, qty INTEGER);
  INSERT INTO items VALUES (1, 5), (2, -1), (3, -2);
  CREATE TABLE audit (n INTEGER);
  CREATE FUNCTION remember(v INTEGER) RETURNS BOOLEAN LANGUAGE sql VOLATILE
    AS 'INSERT INTO audit VALUES (v) RETURNING true';
  CREATE FUNCTION positive(v INTEGER) RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS 'SELECT v > 0';
`;

const check = (name: string, expression: string): Operation => ({
  kind: 'create_check',
  table: 'items',
  check: { name, expression },
});

const audited = async (db: { query: <R>(sql: string) => Promise<{ rows: R[] }> }) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit')).rows[0]!.n;

describe.each(databaseTargets())('preflight of new checks on %s', (kind) => {
  it('counts a check of immutable functions and operators before the apply', async () => {
    await withTestDatabase(kind, async (db) => {
      await db.exec(SETUP);
      const findings = await preflight(db, [check('items_qty', 'positive(qty) AND qty < 10')]);
      expect(findings).toEqual([expect.objectContaining({ code: 'rows_failing_check', rows: 2 })]);
    });
  });

  it('does not run a check that calls a volatile function until the run applies it', async () => {
    await withTestDatabase(kind, async (db) => {
      await db.exec(SETUP);
      const ops = [check('items_audit', 'remember(qty)'), check('items_x', 'unknown_fn(qty)')];
      const findings = await preflight(db, ops);
      expect(findings.map((f) => f.code)).toEqual([
        'check_counted_at_apply',
        'check_counted_at_apply',
      ]);
      expect(findings[0]!.message).toContain('remember()');
      expect(await audited(db)).toBe(0);
      // Inside the run's own transaction, after the person applied, it is counted.
      await db
        .transaction(async (tx) => {
          await preflightIn(tx, [ops[0]!]);
          expect(await audited(tx)).toBe(3);
          throw new Error('roll back');
        })
        .catch(() => {});
      expect(await audited(db)).toBe(0);
    });
  });
});
