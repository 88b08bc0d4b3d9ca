import { RetortError } from '@retort/core';
import { createServerDatabase, serverUrl } from '@retort/testing';
import { loadShopDesign } from '@retort/testing/designs';
import { tutorialChanges } from '@retort/testing/tutorial';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../drivers/open-database';
import { tempProject } from '../testing/temp-project';
import { upgrade } from './run';
import { currentRevision } from './version-table';

describe('lock timeout', () => {
  it('refuses a value that is not a duration before touching the database', async () => {
    const db = await openDatabase({ memory: true });
    try {
      const run = upgrade(db, [], 'head', { lockTimeout: "5s'; DROP TABLE users; --" });
      await expect(run).rejects.toThrow(/is not a duration like 500ms, 5s or 1min/);
      await expect(run).rejects.toBeInstanceOf(RetortError);
      expect(await currentRevision(db)).toBeNull();
    } finally {
      await db.close();
    }
  });

  it.runIf(serverUrl())(
    'a run that waits for a busy table gives up after the timeout, changes nothing, and succeeds once the table is free',
    async () => {
      const shop = loadShopDesign();
      const temp = await tempProject(shop);
      const server = await createServerDatabase('retort_locks');
      const db = await openDatabase({ url: server.url });
      const holder = new pg.Client({ connectionString: server.url });
      try {
        await temp.project.createRevision('initial');
        await temp.write(tutorialChanges(shop));
        await temp.project.createRevision('tutorial changes');
        const revisions = await temp.project.revisions();
        await upgrade(db, revisions, '+1');
        await db.exec(
          `INSERT INTO users (telegram_id, full_name, language_code) VALUES (1, 'Ann', 'en')`,
        );

        await holder.connect();
        await holder.query('BEGIN');
        await holder.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
        const started = Date.now();
        const error = await upgrade(db, revisions, 'head', { lockTimeout: '200ms' }).catch(
          (e: unknown) => e,
        );
        expect(Date.now() - started).toBeLessThan(10_000);
        expect(error).toBeInstanceOf(RetortError);
        expect((error as RetortError).code).toBe('migration_failed');
        expect((error as RetortError).message).toMatch(
          /could not lock a table within the lock timeout .*another session holds it\. Nothing was changed/,
        );
        await holder.query('ROLLBACK');

        expect(await currentRevision(db)).toBe(revisions[0]!.id);
        const { rows } = await db.query<{ type: string }>(
          `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
           WHERE attrelid = 'users'::regclass AND attname = 'language_code'`,
        );
        expect(rows[0]!.type).toBe('character varying(255)');

        const result = await upgrade(db, revisions, 'head', { lockTimeout: '200ms' });
        expect(result.to).toBe(revisions[1]!.id);
        expect((await db.query('SELECT language_code FROM users')).rows).toEqual([
          { language_code: 'en' },
        ]);
      } finally {
        await holder.end().catch(() => undefined);
        await db.close();
        await server.drop();
        await temp.cleanup();
      }
    },
  );
});
