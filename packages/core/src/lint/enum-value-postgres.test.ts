/**
 * What `enum-value-used-in-same-revision` predicts, checked on real Postgres: a value added
 * with `ALTER TYPE ... ADD VALUE` cannot be used before its transaction commits, and every
 * usage the lint looks for (a column default, a check, hand-written SQL) trips on it.
 */

import { createServerDatabase, serverUrl } from '@retort/testing';
import { freshPglite } from '@retort/testing/pglite';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

interface Session {
  exec(sql: string): Promise<void>;
  /** `server_version_num`, e.g. 150020. */
  version(): Promise<number>;
  close(): Promise<void>;
}

/**
 * One database per describe, emptied after each test (an open transaction rolled back, the
 * public schema made anew): starting a fresh PGlite or server database per test cost seconds.
 */

async function pglite(): Promise<Session> {
  const db = await freshPglite();
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    version: async () =>
      Number(
        (await db.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0]
          ?.server_version_num ?? 0,
      ),
    close: () => db.close(),
  };
}

async function server(): Promise<Session> {
  const database = await createServerDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    version: async () => {
      const result = await client.query<{ server_version_num: string }>('SHOW server_version_num');
      return Number(result.rows[0]?.server_version_num ?? 0);
    },
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}

const SETUP =
  "CREATE TYPE status AS ENUM ('new', 'paid'); CREATE TABLE orders (id INTEGER, state status, note TEXT)";
const ADD = "ALTER TYPE status ADD VALUE 'shipped'";
const USES: [string, string][] = [
  ['a default in CREATE TABLE', "CREATE TABLE parcels (state status DEFAULT 'shipped')"],
  ['a default in ADD COLUMN', "ALTER TABLE orders ADD COLUMN next_state status DEFAULT 'shipped'"],
  ['a default in ALTER COLUMN', "ALTER TABLE orders ALTER COLUMN state SET DEFAULT 'shipped'"],
  [
    'a check',
    "ALTER TABLE orders ADD CONSTRAINT orders_state_check CHECK (state IN ('new', 'paid', 'shipped'))",
  ],
  ['hand-written SQL', "UPDATE orders SET state = 'shipped' WHERE state = 'paid'"],
];

describe.each([
  ['PGlite', pglite, true],
  ['the PostgreSQL server', server, !!serverUrl()],
] as const)('a new enum value on %s', (_name, open, enabled) => {
  let session: Session;
  beforeAll(async () => {
    if (enabled) session = await open();
  });
  afterEach(async () => {
    if (!enabled) return;
    await session.exec('ROLLBACK');
    await session.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  });
  afterAll(async () => {
    await session?.close();
  });

  it.skipIf(!enabled).each(USES)(
    'cannot be used as %s in the transaction that added it',
    async (_kind, use) => {
      await session.exec(SETUP);
      await session.exec('BEGIN');
      await session.exec(ADD);
      await expect(session.exec(use)).rejects.toThrow(
        'unsafe use of new value "shipped" of enum type status',
      );
      await session.exec('ROLLBACK');
    },
  );

  it.skipIf(!enabled).each(USES)(
    'can be used as %s once that transaction committed',
    async (_kind, use) => {
      await session.exec(SETUP);
      await session.exec(`BEGIN; ${ADD}; COMMIT`);
      await session.exec(`BEGIN; ${use}; COMMIT`);
      await session.exec("INSERT INTO orders (id, state) VALUES (1, 'shipped')");
    },
  );

  it.skipIf(!enabled)('is not in the way when the added value is not used', async () => {
    await session.exec(SETUP);
    await session.exec('BEGIN');
    await session.exec(ADD);
    await session.exec("CREATE TABLE parcels (state status DEFAULT 'paid')");
    await session.exec(
      "ALTER TABLE orders ADD CONSTRAINT orders_state_check CHECK (state <> 'new')",
    );
    await session.exec('COMMIT');
  });

  it.skipIf(!enabled)(
    'is unusable on 15 even when the enum was created in the same transaction (18 allows it)',
    async () => {
      const version = await session.version();
      const run = session.exec(
        "BEGIN; CREATE TYPE mood AS ENUM ('happy'); ALTER TYPE mood ADD VALUE 'sad'; CREATE TABLE days (m mood DEFAULT 'sad'); COMMIT",
      );
      if (version >= 180000) {
        await run;
        await session.exec('INSERT INTO days DEFAULT VALUES');
      } else {
        await expect(run).rejects.toThrow('unsafe use of new value "sad" of enum type mood');
        await session.exec('ROLLBACK');
      }
    },
  );

  it.skipIf(!enabled)(
    'stays unusable after the enum is renamed in the same transaction',
    async () => {
      await session.exec(SETUP);
      await session.exec(`BEGIN; ${ADD}; ALTER TYPE status RENAME TO order_status`);
      await expect(
        session.exec("CREATE TABLE parcels (state order_status DEFAULT 'shipped')"),
      ).rejects.toThrow('unsafe use of new value "shipped" of enum type order_status');
      await session.exec('ROLLBACK');
    },
  );
});
