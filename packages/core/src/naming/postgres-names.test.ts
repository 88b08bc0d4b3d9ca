import { createServerDatabase, serverUrl } from '@retort/testing';
import { freshPglite } from '@retort/testing/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkName,
  columnNamesPart,
  fkeyName,
  identifierBytes,
  indexName,
  makeObjectName,
  pkeyName,
  uniqueName,
} from './postgres-names';
import { createSchemaNames } from './schema-names';

describe('Postgres default names', () => {
  it('name keys, foreign keys, uniques, indexes and checks like Postgres', () => {
    expect(pkeyName('users')).toBe('users_pkey');
    expect(fkeyName('orders', ['user_id'])).toBe('orders_user_id_fkey');
    expect(uniqueName('users', ['username'])).toBe('users_username_key');
    expect(uniqueName('users', ['a', 'b'])).toBe('users_a_b_key');
    expect(indexName('users', ['username'])).toBe('users_username_idx');
    expect(checkName('users', [])).toBe('users_check');
    expect(checkName('users', ['age'])).toBe('users_age_check');
    expect(checkName('users', ['age', 'age'])).toBe('users_age_check');
    expect(checkName('users', ['a', 'b'])).toBe('users_check');
  });

  it('truncate the longer part first to fit 63 bytes', () => {
    const table = 't'.repeat(40);
    const column = 'c'.repeat(40);
    const name = uniqueName(table, [column]);
    expect(identifierBytes(name)).toBe(63);
    // 63 - "_" - "_key" = 58 bytes for both parts: 29 + 29.
    expect(name).toBe(`${'t'.repeat(29)}_${'c'.repeat(29)}_key`);
    expect(makeObjectName('short', 'c'.repeat(70), 'idx')).toBe(`short_${'c'.repeat(53)}_idx`);
  });

  it('never split a multi-byte character when truncating', () => {
    const name = pkeyName('é'.repeat(40));
    expect(identifierBytes(name)).toBeLessThanOrEqual(63);
    expect(name).toBe(`${'é'.repeat(29)}_pkey`);
  });

  it('stop joining column names once they reach 64 bytes', () => {
    const columns = ['a'.repeat(30), 'b'.repeat(30), 'c'.repeat(30), 'd'.repeat(30)];
    expect(columnNamesPart(columns)).toBe(`${'a'.repeat(30)}_${'b'.repeat(30)}_${'c'.repeat(30)}`);
  });

  it('add a number when a default name is taken, like users_username_key1', () => {
    const names = createSchemaNames();
    names.reserveRelation('users');
    expect(names.unique('users', ['username'])).toBe('users_username_key');
    expect(names.unique('users', ['username'])).toBe('users_username_key1');
    expect(names.unique('users', ['username'])).toBe('users_username_key2');
    names.reserveRelation('orders_pkey');
    expect(names.primaryKey('orders')).toBe('orders_pkey1');
    // Foreign keys and checks only compete with constraints, not with relations.
    names.reserveRelation('orders_user_id_fkey');
    expect(names.foreignKey('orders', ['user_id'])).toBe('orders_user_id_fkey');
    expect(names.foreignKey('orders', ['user_id'])).toBe('orders_user_id_fkey1');
  });
});

// PGlite is Postgres 17, which also lists NOT NULL constraints (contype 'n') here.
/** Tables whose unnamed constraints Postgres must name; long and multi-byte names included. */
const LONG = 'a_table_name_that_is_rather_long_indeed_for_postgres_xx';
const UNICODE = 'tàblé_ñämé_with_åccents_ünd_mörë_ümläüts_ø';
const COLUMN = 'a_column_name_that_is_also_very_long_for_postgres_yy';
const SQL = `
  CREATE TABLE "${LONG}" (
    "${COLUMN}" integer PRIMARY KEY,
    other_column integer UNIQUE,
    x integer CHECK (x > 0),
    y integer,
    z integer,
    CHECK (y > z),
    UNIQUE ("${COLUMN}", other_column, x, y, z)
  );
  CREATE TABLE "${UNICODE}" ("ünïcödé_cölümn_ñämé_løng" integer PRIMARY KEY, "${COLUMN}" integer UNIQUE,
    FOREIGN KEY ("${COLUMN}") REFERENCES "${LONG}"("${COLUMN}"));
  CREATE INDEX ON "${LONG}" (y);
  CREATE INDEX ON "${LONG}" (y);
  CREATE UNIQUE INDEX ON "${LONG}" (z, y);
  CREATE TABLE users (id integer, username text UNIQUE);
  ALTER TABLE users ADD UNIQUE (username);
`;

function expectedNames(): string[] {
  const names = createSchemaNames();
  for (const table of [LONG, UNICODE, 'users']) names.reserveRelation(table);
  return [
    names.check(LONG, ['x']),
    names.check(LONG, ['y', 'z']),
    names.primaryKey(LONG),
    names.unique(LONG, ['other_column']),
    names.unique(LONG, [COLUMN, 'other_column', 'x', 'y', 'z']),
    names.primaryKey(UNICODE),
    names.unique(UNICODE, [COLUMN]),
    names.foreignKey(UNICODE, [COLUMN]),
    names.index(LONG, ['y']),
    names.index(LONG, ['y']),
    names.index(LONG, ['z', 'y']),
    names.unique('users', ['username']),
    names.unique('users', ['username']),
  ].sort();
}

const NAMES_QUERY = `
  SELECT conname AS name FROM pg_constraint
  WHERE connamespace = 'public'::regnamespace AND contype <> 'n'
  UNION
  SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
  ORDER BY 1`;

describe('default names match what Postgres chooses', () => {
  it('on PGlite', async () => {
    const db = await freshPglite();
    try {
      await db.exec(SQL);
      const result = await db.query<{ name: string }>(NAMES_QUERY);
      expect(result.rows.map((r) => r.name).sort()).toEqual(expectedNames());
    } finally {
      await db.close();
    }
  });

  const servers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const drop of servers) await drop();
  });

  it.skipIf(!serverUrl())('on the PostgreSQL server', async () => {
    const database = await createServerDatabase();
    servers.push(database.drop);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(SQL);
      const result = await client.query<{ name: string }>(NAMES_QUERY);
      expect(result.rows.map((r) => r.name).sort()).toEqual(expectedNames());
    } finally {
      await client.end();
    }
  });
});
