/** `retort import`: design.json and a baseline revision from SQL or from a live database. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServerDatabase, serverUrl } from '@retort/testing';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { retort } from './testing/retort-process';

const SCHEMA = `
CREATE TABLE users (
  telegram_id BIGINT PRIMARY KEY,
  full_name VARCHAR(255) NOT NULL,
  language_code VARCHAR(255) NOT NULL
);
CREATE TABLE orders (
  order_id SERIAL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (telegram_id) ON DELETE CASCADE
);`;

describe('retort import', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'retort-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('--sql FILE writes design.json and one baseline revision', async () => {
    writeFileSync(join(dir, 'schema.sql'), SCHEMA);
    const result = await retort(['import', '--sql', 'schema.sql'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /^Imported schema\.sql: 2 tables written to design\.json, baseline revision [0-9a-f]{12}\.\n$/,
    );
    const design = JSON.parse(readFileSync(join(dir, 'design.json'), 'utf8'));
    expect(design.tables.map((t: { name: string }) => t.name).sort()).toEqual(['orders', 'users']);
    expect(readdirSync(join(dir, 'revisions'))).toHaveLength(1);
    const models = await retort(['models', '--format', 'sqlalchemy'], { cwd: dir });
    expect(models.stdout).toContain("ForeignKey('users.telegram_id', ondelete='CASCADE')");
  });

  test('an existing design.json is refused without --force and kept as it was', async () => {
    writeFileSync(join(dir, 'schema.sql'), SCHEMA);
    writeFileSync(join(dir, 'design.json'), '{"mine": true}');
    const result = await retort(['import', '--sql', 'schema.sql'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^retort: [^\n]+\.\n$/);
    expect(readFileSync(join(dir, 'design.json'), 'utf8')).toBe('{"mine": true}');
    expect(existsSync(join(dir, 'revisions'))).toBe(false);
  });

  test('SQL that Postgres rejects is one sentence and writes nothing', async () => {
    writeFileSync(join(dir, 'schema.sql'), 'CREATE TABLE broken (id INTEGR);');
    const result = await retort(['import', '--sql', 'schema.sql'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^retort: [^\n]+\n$/);
    expect(readdirSync(dir)).toEqual(['schema.sql']);
  });

  test('without --sql or a database URL it says what to pass', async () => {
    const result = await retort(['import'], { cwd: dir });
    expect(result).toMatchObject({
      code: 1,
      stderr: 'retort: Pass --database-url URL or --sql FILE to say what to import.\n',
    });
  });

  test.runIf(serverUrl() !== null)(
    '--database-url imports a live database and stamps the baseline into alembic_version',
    async () => {
      const db = await createServerDatabase('retort_import');
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query(SCHEMA);
        const result = await retort(['import', '--database-url', db.url], { cwd: dir });
        expect(result.stderr).toBe('');
        const id = /baseline revision ([0-9a-f]{12})\./.exec(result.stdout)?.[1];
        expect(id).toBeDefined();
        const version = await client.query('SELECT version_num FROM alembic_version');
        expect(version.rows).toEqual([{ version_num: id }]);
        const check = await retort(['check', '--database-url', db.url], { cwd: dir });
        expect(check).toMatchObject({ code: 0, stdout: 'No drift.\n' });
      } finally {
        await client.end();
        await db.drop();
      }
    },
  );
});
