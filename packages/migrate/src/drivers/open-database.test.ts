import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RetortError } from '@retort/core';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';
import { redactUrl } from './redact-url';

describe('drivers', () => {
  it('keeps the embedded database in <project>/.retort/pglite, ignored by git, across openings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'retort-driver-'));
    try {
      const db = await openDatabase({ projectDir: dir });
      expect(db.kind).toBe('pglite');
      expect(db.description).toBe(join(dir, '.retort', 'pglite'));
      const shared = await openDatabase({ projectDir: dir });
      await db.exec("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('still here')");
      await db.close();
      // The other handle on the same folder still works: one instance per folder, closed by the last.
      expect((await shared.query('SELECT v FROM kept')).rows).toEqual([{ v: 'still here' }]);
      await shared.close();
      expect(await readFile(join(dir, '.retort', '.gitignore'), 'utf8')).toBe('*\n');

      const reopened = await openDatabase({ projectDir: dir });
      expect((await reopened.query('SELECT v FROM kept')).rows).toEqual([{ v: 'still here' }]);
      await reopened.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('rolls a transaction back when its function throws', async () => {
    const db = await openDatabase({ memory: true });
    try {
      await db.exec('CREATE TABLE t (v INT)');
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES ($1)', [1]);
          throw new Error('stop');
        }),
      ).rejects.toThrow('stop');
      expect((await db.query('SELECT count(*)::int AS n FROM t')).rows).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('says which server it cannot reach, without its password', async () => {
    const error = await openDatabase({ url: 'postgres://app:s3cret@127.0.0.1:1/shop' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RetortError);
    expect((error as RetortError).message).toMatch(
      /^Cannot connect to postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/shop: /,
    );
    expect((error as RetortError).message).not.toContain('s3cret');
  });

  it('never shows a password in a description', () => {
    expect(redactUrl('postgres://app:s3cret@db.example:5432/shop')).toBe(
      'postgres://app:***@db.example:5432/shop',
    );
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/postgres')).toBe(
      'postgres://postgres@127.0.0.1:5432/postgres',
    );
  });
});
