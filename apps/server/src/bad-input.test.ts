/**
 * Bad requests get a 4xx with one sentence and change nothing: not design.json, not the
 * revisions folder, not alembic_version; and the server keeps answering.
 */
import type { Database } from '@retort/migrate';
import { copyProject, type ProjectCopy } from '@retort/testing/projects';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from './start';
import { call } from './testing/http-client';

describe('bad input to the API', () => {
  let project: ProjectCopy;
  let server: RunningServer;
  let db: Database;
  let version: string;
  let before: { design: string; revisions: string[] };
  let appliedVersion: string[];

  const alembicVersion = async () =>
    (await db.query<{ v: string }>('SELECT version_num AS v FROM alembic_version')).rows.map(
      (r) => r.v,
    );

  beforeAll(async () => {
    project = copyProject();
    server = await startServer({ projectDir: project.dir, host: '127.0.0.1', port: 0 });
    db = await server.openDatabase();
    expect(
      (await call(server.url, 'POST', '/api/revisions', { body: { message: 'initial' } })).status,
    ).toBe(201);
    expect(
      (await call(server.url, 'POST', '/api/upgrade', { body: { target: 'head' } })).status,
    ).toBe(200);
    version = (await call(server.url, 'GET', '/api/design')).json.version;
    before = project.snapshot();
    appliedVersion = await alembicVersion();
    expect(appliedVersion).toHaveLength(1);
  });

  afterAll(async () => {
    await server?.close();
    project?.remove();
  });

  const invalidDesign = () => {
    const design = JSON.parse(before.design);
    design.tables[0].columns[0].type = 'VARCHAR(10';
    return design;
  };

  const cases: {
    name: string;
    method: string;
    path: string;
    raw?: string;
    body?: () => unknown;
    status: number;
  }[] = [
    {
      name: 'malformed JSON',
      method: 'POST',
      path: '/api/upgrade',
      raw: '{"target": ',
      status: 400,
    },
    {
      name: 'malformed JSON on save',
      method: 'PUT',
      path: '/api/design',
      raw: '{design',
      status: 400,
    },
    {
      name: 'a body that is not an object',
      method: 'POST',
      path: '/api/upgrade',
      raw: '"head"',
      status: 400,
    },
    {
      name: 'a wrong shape',
      method: 'POST',
      path: '/api/upgrade',
      body: () => ({ target: 5 }),
      status: 400,
    },
    {
      name: 'a missing field',
      method: 'PUT',
      path: '/api/design',
      body: () => ({ version }),
      status: 400,
    },
    {
      name: 'a design that is not an object',
      method: 'PUT',
      path: '/api/design',
      body: () => ({ design: 'x', version }),
      status: 400,
    },
    {
      name: 'an empty message',
      method: 'POST',
      path: '/api/revisions',
      body: () => ({ message: '  ' }),
      status: 400,
    },
    {
      name: 'an invalid design',
      method: 'PUT',
      path: '/api/design',
      body: () => ({ design: invalidDesign(), version }),
      status: 422,
    },
    {
      name: 'a stale version',
      method: 'PUT',
      path: '/api/design',
      body: () => ({ design: JSON.parse(before.design), version: 'stale' }),
      status: 409,
    },
    {
      name: 'an unknown revision',
      method: 'GET',
      path: '/api/revisions/abcdef123456',
      status: 404,
    },
    {
      name: 'an unknown upgrade target',
      method: 'POST',
      path: '/api/upgrade',
      body: () => ({ target: 'abcdef123456' }),
      status: 404,
    },
    { name: 'an unknown format', method: 'GET', path: '/api/models?format=cobol', status: 404 },
    { name: 'a missing format', method: 'GET', path: '/api/models', status: 400 },
    {
      name: 'an encoded traversal in a revision id',
      method: 'GET',
      path: '/api/revisions/..%2F..%2Fetc',
      status: 400,
    },
    {
      name: 'a traversal in a revision path',
      method: 'GET',
      path: '/api/revisions/../design',
      status: 404,
    },
    {
      name: 'a traversal in an upgrade target',
      method: 'POST',
      path: '/api/upgrade',
      body: () => ({ target: '../design' }),
      status: 400,
    },
    {
      name: 'an encoded traversal in a downgrade target',
      method: 'POST',
      path: '/api/downgrade',
      body: () => ({ target: '..%2F..%2Fetc' }),
      status: 400,
    },
    {
      name: 'a 10 MB body',
      method: 'PUT',
      path: '/api/design',
      raw: JSON.stringify({ design: { pad: 'x'.repeat(10 * 1024 * 1024) }, version: 'v' }),
      status: 413,
    },
    { name: 'an unknown route', method: 'DELETE', path: '/api/design', status: 404 },
  ];

  test.each(cases)('$name gets $status with a sentence and changes nothing', async (c) => {
    const reply = await call(server.url, c.method, c.path, {
      ...(c.raw === undefined ? {} : { raw: c.raw }),
      ...(c.body === undefined ? {} : { body: c.body() }),
    });
    expect(reply.status).toBe(c.status);
    expect(reply.headers['content-type']).toMatch(/application\/json/);
    expect(typeof reply.json.error).toBe('string');
    expect(reply.json.error).toMatch(/^\S[^\n]*[.)]$/);
    expect(reply.text).not.toMatch(/\n\s+at /);
    expect(project.snapshot()).toEqual(before);
    expect(await alembicVersion()).toEqual(appliedVersion);
    expect((await call(server.url, 'GET', '/api/health')).json).toEqual({ ok: true });
  });

  test('an invalid design lists each problem with its path', async () => {
    const reply = await call(server.url, 'PUT', '/api/design', {
      body: { design: invalidDesign(), version },
    });
    expect(reply.status).toBe(422);
    expect(reply.json.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'tables[0].columns[0].type' })]),
    );
    const validated = await call(server.url, 'POST', '/api/validate', {
      body: { design: invalidDesign() },
    });
    expect(validated.status).toBe(200);
    expect(validated.json.ok).toBe(false);
    expect(validated.json.problems[0].path).toBe('tables[0].columns[0].type');
  });

  test('a stale save answers with the current version', async () => {
    const reply = await call(server.url, 'PUT', '/api/design', {
      body: { design: JSON.parse(before.design), version: 'stale' },
    });
    expect(reply.status).toBe(409);
    expect(reply.json.version).toBe(version);
  });

  test('creating a revision with no changes is refused with 422', async () => {
    const reply = await call(server.url, 'POST', '/api/revisions', {
      body: { message: 'nothing' },
    });
    expect(reply.status).toBe(422);
    expect(project.snapshot()).toEqual(before);
  });
});
