/** Binding, tokens, Host checks, security headers and the built editor at `/`. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRetortError } from '@retort/core';
import { serverUrl } from '@retort/testing';
import { copyProject, type ProjectCopy } from '@retort/testing/projects';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isLoopback } from './options';
import { redactDescription } from './redact';
import { type RunningServer, startServer } from './start';
import { call } from './testing/http-client';

test('only loopback addresses count as loopback', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
    expect(isLoopback(host), host).toBe(true);
  for (const host of ['0.0.0.0', '::', '192.168.1.4', 'example.com', '127.0.0.1.nip.io']) {
    expect(isLoopback(host), host).toBe(false);
  }
});

test('a database URL loses its password before it is shown', () => {
  expect(redactDescription('postgres://retort:s3cret@db:5432/retort')).toBe(
    'postgres://retort:***@db:5432/retort',
  );
  expect(redactDescription('/project/.retort/pglite')).toBe('/project/.retort/pglite');
});

test.each([
  ['a URL', 'postgres://u:s3cret@db/app', 'postgres://u:***@db/app'],
  ['a URL whose password holds an @', 'postgres://u:s3@cret@db/app', 'postgres://u:***@db/app'],
  ['a query', 'postgres://u@db/app?password=s3cret', 'postgres://u@db/app?password=***'],
  [
    'a query among others',
    'postgresql://db/app?user=u&password=s3cret&sslmode=require',
    'postgresql://db/app?user=u&password=***&sslmode=require',
  ],
  ['key=value', 'host=db password=s3cret dbname=app', 'host=db password=*** dbname=app'],
  [
    'a quoted key=value',
    "host=db password = 's3 \\'cret' dbname=app",
    'host=db password = *** dbname=app',
  ],
])('the password of %s is never shown', (_, given, shown) => {
  expect(redactDescription(given)).toBe(shown);
});

test('the value of PGPASSWORD is never shown', () => {
  const saved = process.env.PGPASSWORD;
  process.env.PGPASSWORD = 'pg-env-s3cret';
  try {
    expect(redactDescription('Cannot connect: pg-env-s3cret was refused.')).toBe(
      'Cannot connect: *** was refused.',
    );
  } finally {
    if (saved === undefined) delete process.env.PGPASSWORD;
    else process.env.PGPASSWORD = saved;
  }
});

describe('a database that cannot be reached', () => {
  let project: ProjectCopy;
  beforeAll(() => {
    project = copyProject();
  });
  afterAll(() => project.remove());

  test.each([
    'postgres://retort:url-s3cret@127.0.0.1:1/app',
    'postgres://retort@127.0.0.1:1/app?password=query-s3cret',
    'host=127.0.0.1 port=1 user=retort password=kv-s3cret dbname=app',
  ])('is reported without the password of %s', async (databaseUrl) => {
    const error = await startServer({
      projectDir: project.dir,
      host: '127.0.0.1',
      port: 0,
      databaseUrl,
    }).catch((e: unknown) => e);
    expect(isRetortError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Cannot connect to /);
    expect((error as Error).message).not.toMatch(/s3cret/);
  });
});

describe.skipIf(serverUrl() === null)('a database URL with a password', () => {
  let project: ProjectCopy;
  let server: RunningServer;
  beforeAll(async () => {
    project = copyProject();
    // Trust authentication ignores the password, so the server starts and shows its URL.
    const url = new URL(serverUrl()!);
    url.password = 'url-s3cret';
    url.searchParams.set('password', 'query-s3cret');
    server = await startServer({
      projectDir: project.dir,
      host: '127.0.0.1',
      port: 0,
      databaseUrl: url.toString(),
    });
  });
  afterAll(async () => {
    await server?.close();
    project.remove();
  });

  test('is shown without it at start and in GET /api/project', async () => {
    expect(server.database.description).not.toMatch(/s3cret/);
    expect(server.database.description).toMatch(/:\*\*\*@.*password=\*\*\*/);
    const reply = await call(server.url, 'GET', '/api/project');
    expect(reply.status).toBe(200);
    expect(reply.text).not.toMatch(/s3cret/);
    expect(reply.json.database.description).toBe(server.database.description);
  });
});

test.each(['x', '   ', '', 'abcd efgh ijkl mno'])(
  'a RETORT_TOKEN of %j is refused at start with a sentence',
  async (token) => {
    const project = copyProject();
    try {
      const error = await startServer({
        projectDir: project.dir,
        host: '0.0.0.0',
        port: 0,
        token,
      }).catch((e: unknown) => e);
      expect(isRetortError(error)).toBe(true);
      expect((error as Error).message).toMatch(
        /^RETORT_TOKEN has \d+ non-space characters?; use at least 16 /,
      );
    } finally {
      project.remove();
    }
  },
);

describe('bound beyond loopback', () => {
  let project: ProjectCopy;
  let server: RunningServer | undefined;
  const token = 'test-token-0123456789';

  beforeAll(() => {
    project = copyProject();
  });
  afterAll(async () => {
    await server?.close();
    project.remove();
  });

  test('the server refuses to start without a token', async () => {
    const error = await startServer({ projectDir: project.dir, host: '0.0.0.0', port: 0 }).catch(
      (e) => e,
    );
    expect(isRetortError(error)).toBe(true);
    expect(error.message).toMatch(/RETORT_TOKEN/);
  });

  test('with a token, /api answers only a request carrying it', async () => {
    server = await startServer({ projectDir: project.dir, host: '0.0.0.0', port: 0, token });
    const base = `http://127.0.0.1:${server.port}`;
    const none = await call(base, 'GET', '/api/health');
    expect(none.status).toBe(401);
    expect(none.json.error).toMatch(/Bearer/);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await call(base, 'GET', '/api/design', {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain('"design"');
    const right = await call(base, 'GET', '/api/health', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(right.status).toBe(200);
    expect(right.json).toEqual({ ok: true });
  });

  test('opening /?token= once signs the browser in with an HttpOnly, SameSite cookie', async () => {
    const base = `http://127.0.0.1:${server!.port}`;
    expect((await call(base, 'GET', '/?token=wrong')).status).toBe(401);
    const login = await call(base, 'GET', `/?token=${token}`);
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const withCookie = await call(base, 'GET', '/api/health', {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(withCookie.status).toBe(200);
  });

  test.each(['//evil.example/', '/\\evil.example/', '//evil.example/%2e%2e'])(
    'the login from %s never redirects to another site',
    async (path) => {
      const base = `http://127.0.0.1:${server!.port}`;
      const login = await call(base, 'GET', `${path}?token=${token}`);
      expect(login.status).toBe(303);
      expect(login.headers.location).toBe('/');
    },
  );

  test('the login keeps a path on this server', async () => {
    const base = `http://127.0.0.1:${server!.port}`;
    const login = await call(base, 'GET', `/tables/users?token=${token}`);
    expect(login.headers.location).toBe('/tables/users');
  });
});

describe('on loopback', () => {
  let project: ProjectCopy;
  let server: RunningServer;
  const webDir = mkdtempSync(join(tmpdir(), 'retort-web-'));

  beforeAll(async () => {
    project = copyProject();
    server = await startServer({ projectDir: project.dir, host: '127.0.0.1', port: 0, webDir });
  });
  afterAll(async () => {
    await server?.close();
    project?.remove();
    rmSync(webDir, { recursive: true, force: true });
  });

  test('responses carry security headers and no X-Powered-By', async () => {
    const reply = await call(server.url, 'GET', '/api/health');
    expect(reply.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(reply.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['x-powered-by']).toBeUndefined();
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  test('a design.json edited on disk is what the next GET /api/design answers', async () => {
    const first = await call(server.url, 'GET', '/api/design');
    expect(first.headers.etag).toBe(`"${first.json.version}"`);
    const edited = { ...first.json.design, name: 'shop_edited' };
    writeFileSync(join(project.dir, 'design.json'), JSON.stringify(edited));
    const second = await call(server.url, 'GET', '/api/design');
    expect(second.json.design.name).toBe('shop_edited');
    expect(second.json.version).not.toBe(first.json.version);
    const unchanged = await call(server.url, 'GET', '/api/design', {
      headers: { 'if-none-match': `"${second.json.version}"` },
    });
    expect(unchanged.status).toBe(304);
  });

  test('a request naming another host is refused (DNS rebinding)', async () => {
    const reply = await call(server.url, 'GET', '/api/design', {
      headers: { host: 'evil.example:4000' },
    });
    expect(reply.status).toBe(403);
    expect(reply.text).not.toContain('"design"');
    const local = await call(server.url, 'GET', '/api/health', {
      headers: { host: `localhost:${server.port}` },
    });
    expect(local.status).toBe(200);
  });

  test('without a built editor, / explains how to build it', async () => {
    const reply = await call(server.url, 'GET', '/');
    expect(reply.status).toBe(503);
    expect(reply.json.error).toBe('The web app is not built. Run npm run build first.');
  });

  test('the built editor is served at / with index.html for client routes', async () => {
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Retort</title>');
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1)');
    expect((await call(server.url, 'GET', '/')).text).toContain('<title>Retort</title>');
    expect((await call(server.url, 'GET', '/revisions/abc')).text).toContain(
      '<title>Retort</title>',
    );
    const script = await call(server.url, 'GET', '/assets/app.js');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect((await call(server.url, 'GET', '/assets/missing.js')).status).toBe(404);
    expect((await call(server.url, 'GET', '/api/nope')).status).toBe(404);
  });
});
