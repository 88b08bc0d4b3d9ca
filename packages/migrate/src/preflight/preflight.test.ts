import type { CatalogColumn, Operation } from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { describe, expect, it } from 'vitest';
import { preflight } from './preflight';

const col = (name: string, type: string, nullable = true): CatalogColumn => ({
  name,
  type,
  nullable,
  default: null,
  autoincrement: false,
  comment: null,
});

const SETUP = `
  CREATE TYPE mood AS ENUM ('happy', 'sad', 'meh');
  CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(255), age TEXT, mood mood);
  CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER);
  INSERT INTO users VALUES
    (1, 'a@x', '31', 'happy'), (2, 'a@x', 'thirty', 'meh'), (3, NULL, NULL, 'meh'),
    (4, 'b@x', '40', 'sad'), (5, NULL, '12', NULL);
  INSERT INTO orders VALUES (1, 1), (2, 99), (3, 98), (4, NULL);
`;

/** Table users renamed to people, then its column email to mail. */
const RENAMED: Operation[] = [
  { kind: 'rename_table', from: 'users', to: 'people' },
  {
    kind: 'alter_column',
    table: 'people',
    before: col('email', 'VARCHAR(255)'),
    after: col('mail', 'VARCHAR(255)'),
  },
];

describe.each(databaseTargets())('preflight on %s', (kind) => {
  it('a materialized view filled from a table of 100 000 rows or more is named, a smaller one is not', async () => {
    await withTestDatabase(kind, async (db) => {
      await db.exec(`CREATE TABLE big (id INTEGER PRIMARY KEY);
        INSERT INTO big SELECT generate_series(1, 100000);
        CREATE TABLE small (id INTEGER PRIMARY KEY);
        INSERT INTO small VALUES (1);`);
      const matview = (table: string): Operation => ({
        kind: 'create_object',
        object: {
          kind: 'materialized_view',
          schema: 'public',
          name: `${table}_ids`,
          table: null,
          definition: ` SELECT ${table}.id FROM ${table};`,
          comment: null,
          dependsOn: [`table:${table}`],
        },
      });
      const findings = await preflight(db, [matview('big'), matview('small')]);
      expect(findings.map((f) => `${f.operation} ${f.code} ${f.rows}: ${f.message}`)).toEqual([
        "0 materialized_view_over_large_table 100000: big holds 100000 rows, from which materialized view public.big_ids is filled inside the revision's transaction without CONCURRENTLY; its readers wait until the revision commits.",
      ]);
    });
  });

  it('counts the rows each operation would break, not the rows of the table', async () => {
    await withTestDatabase(kind, async (db) => {
      await db.exec(SETUP);
      const ops: Operation[] = [
        {
          kind: 'alter_column',
          table: 'users',
          before: col('age', 'TEXT'),
          after: col('age', 'INTEGER'),
        },
        {
          kind: 'alter_column',
          table: 'users',
          before: col('email', 'VARCHAR(255)'),
          after: col('email', 'VARCHAR(255)', false),
        },
        {
          kind: 'create_unique',
          table: 'users',
          unique: { name: 'users_email_key', columns: ['email'] },
        },
        {
          kind: 'create_foreign_key',
          table: 'orders',
          foreignKey: {
            name: 'orders_user_id_fkey',
            columns: ['user_id'],
            refTable: 'users',
            refColumns: ['id'],
            onDelete: 'NO ACTION',
            onUpdate: 'NO ACTION',
          },
        },
        {
          kind: 'alter_enum',
          name: 'mood',
          before: ['happy', 'sad', 'meh'],
          after: ['happy', 'sad'],
          renames: [],
          usages: [{ table: 'users', column: 'mood', default: null }],
        },
        {
          kind: 'create_table',
          table: {
            name: 'fresh',
            comment: null,
            columns: [col('id', 'INTEGER', false)],
            primaryKey: null,
            foreignKeys: [],
            uniques: [],
            checks: [],
          },
        },
        {
          kind: 'create_unique',
          table: 'fresh',
          unique: { name: 'fresh_id_key', columns: ['id'] },
        },
        {
          kind: 'create_check',
          table: 'users',
          check: { name: 'users_id_check', expression: 'id < 4' },
        },
      ];
      const findings = await preflight(db, ops);
      expect(findings.map(({ operation, code, rows }) => ({ operation, code, rows }))).toEqual([
        { operation: 0, code: 'rows_not_castable', rows: 1 },
        { operation: 1, code: 'null_rows', rows: 2 },
        { operation: 2, code: 'duplicate_rows', rows: 2 },
        { operation: 3, code: 'orphan_rows', rows: 2 },
        { operation: 4, code: 'rows_with_removed_value', rows: 2 },
        { operation: 7, code: 'rows_failing_check', rows: 2 },
      ]);
      expect(findings[0]!.message).toBe(
        '1 row of users holds a value in age that does not convert to INTEGER.',
      );
      expect(findings[3]!.message).toBe(
        '2 rows of orders point to a users row that does not exist, so orders_user_id_fkey cannot be created.',
      );
      // Read-only: the rows are all still there.
      expect((await db.query('SELECT count(*)::int AS n FROM users')).rows).toEqual([{ n: 5 }]);
    });
  });

  it('follows renames earlier in the list back to the names the database has now', async () => {
    await withTestDatabase(kind, async (db) => {
      await db.exec(SETUP);
      const findings = await preflight(db, [
        ...RENAMED,
        {
          kind: 'alter_column',
          table: 'people',
          before: col('mail', 'VARCHAR(255)'),
          after: col('mail', 'VARCHAR(2)'),
        },
      ]);
      expect(findings.map(({ operation, code, rows }) => ({ operation, code, rows }))).toEqual([
        { operation: 2, code: 'rows_too_long', rows: 3 },
      ]);
    });
  });

  it('counts the values a dropped column loses and the rows a dropped table loses, through renames, and nothing the list adds', async () => {
    await withTestDatabase(kind, async (db) => {
      await db.exec(SETUP);
      const findings = await preflight(db, [
        ...RENAMED,
        { kind: 'drop_column', table: 'people', column: col('mail', 'VARCHAR(255)') },
        { kind: 'add_column', table: 'people', column: col('note', 'TEXT') },
        { kind: 'drop_column', table: 'people', column: col('note', 'TEXT') },
        {
          kind: 'drop_table',
          table: {
            name: 'orders',
            comment: null,
            columns: [col('id', 'INTEGER', false), col('user_id', 'INTEGER')],
            primaryKey: { name: 'orders_pkey', columns: ['id'] },
            foreignKeys: [],
            uniques: [],
            checks: [],
          },
        },
      ]);
      expect(findings.map(({ operation, code, rows }) => ({ operation, code, rows }))).toEqual([
        { operation: 2, code: 'values_lost', rows: 3 },
        { operation: 5, code: 'rows_lost', rows: 4 },
      ]);
      expect(findings[0]!.message).toBe(
        '3 rows of people hold a value in mail, which is dropped with the column; a downgrade cannot bring dropped data back (the column comes back empty).',
      );
      expect(findings[1]!.message).toBe(
        '4 rows of orders go with the table; a downgrade cannot bring dropped data back (the table comes back empty).',
      );
    });
  });
});
