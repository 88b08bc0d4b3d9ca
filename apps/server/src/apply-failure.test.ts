/**
 * A run that would break rows is refused by preflight, and forced it fails as one
 * transaction: the answer names the revision, the statement and Postgres' message, and the
 * table, its rows and alembic_version are exactly as before.
 */
import type { Database } from '@retort/migrate';
import { copyProject, type ProjectCopy } from '@retort/testing/projects';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from './start';
import { call } from './testing/http-client';

describe('applying a narrowing change over rows that do not fit', () => {
  let project: ProjectCopy;
  let server: RunningServer;
  let db: Database;
  let first: string;
  let second: string;

  const state = async () => ({
    version: (await db.query('SELECT version_num FROM alembic_version')).rows,
    users: (await db.query('SELECT telegram_id::text AS id, language_code FROM users')).rows,
    type: (
      await db.query(
        `SELECT character_maximum_length AS n FROM information_schema.columns
          WHERE table_name = 'users' AND column_name = 'language_code'`,
      )
    ).rows,
  });

  beforeAll(async () => {
    project = copyProject();
    server = await startServer({ projectDir: project.dir, host: '127.0.0.1', port: 0 });
    db = await server.openDatabase();
    first = (await call(server.url, 'POST', '/api/revisions', { body: { message: 'initial' } }))
      .json.revision.id;
    expect(
      (await call(server.url, 'POST', '/api/upgrade', { body: { target: 'head' } })).status,
    ).toBe(200);
    await db.query(
      `INSERT INTO users (telegram_id, full_name, language_code) VALUES (1, 'Ada', 'a-language-code-far-too-long')`,
    );
    const { design, version } = (await call(server.url, 'GET', '/api/design')).json;
    design.tables
      .find((t: { name: string }) => t.name === 'users')
      .columns.find((c: { name: string }) => c.name === 'language_code').type = 'VARCHAR(10)';
    expect(
      (await call(server.url, 'PUT', '/api/design', { body: { design, version } })).status,
    ).toBe(200);
  });

  afterAll(async () => {
    await server?.close();
    project?.remove();
  });

  test('pending shows the preflight count of rows too long for the new length', async () => {
    const pending = await call(server.url, 'GET', '/api/pending');
    expect(pending.json.preflight).toEqual([
      expect.objectContaining({ rows: 1, code: 'rows_too_long' }),
    ]);
    second = (await call(server.url, 'POST', '/api/revisions', { body: { message: 'narrow' } }))
      .json.revision.id;
  });

  test('upgrade is refused by preflight, and forced it rolls back whole', async () => {
    const before = await state();
    expect(before.type).toEqual([{ n: 255 }]);
    const refused = await call(server.url, 'POST', '/api/upgrade', { body: { target: 'head' } });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({
      revision: second,
      preflight: [expect.objectContaining({ rows: 1 })],
    });
    expect(await state()).toEqual(before);

    const forced = await call(server.url, 'POST', '/api/upgrade', {
      body: { target: 'head', force: true },
    });
    expect(forced.status).toBe(409);
    expect(forced.json.revision).toBe(second);
    expect(forced.json.statement).toMatch(/ALTER TABLE/);
    expect(forced.json.postgresMessage).toMatch(/too long/);
    expect(forced.json.error).toMatch(/Nothing was changed\.$/);
    expect(await state()).toEqual(before);
    expect((await call(server.url, 'GET', '/api/project')).json.current).toBe(first);
  });
});
