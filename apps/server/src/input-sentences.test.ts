/**
 * Each kind of bad request gets its own true sentence: a body that is JSON but not an
 * object, a field of the wrong type, a field that is missing, a lock timeout Postgres
 * cannot hold. None of them is a 500, and none changes the project.
 */
import { copyProject, type ProjectCopy } from '@retort/testing/projects';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from './start';
import { call } from './testing/http-client';

describe('sentences for bad requests', () => {
  let project: ProjectCopy;
  let server: RunningServer;
  let before: ReturnType<ProjectCopy['snapshot']>;

  beforeAll(async () => {
    project = copyProject();
    server = await startServer({ projectDir: project.dir, host: '127.0.0.1', port: 0 });
    before = project.snapshot();
  });
  afterAll(async () => {
    await server?.close();
    project?.remove();
  });

  test.each(['null', '42', '"str"', 'true', '[]'])(
    'a %s body is called what it is: JSON that is not an object',
    async (raw) => {
      const reply = await call(server.url, 'POST', '/api/upgrade', { raw });
      expect(reply.status).toBe(400);
      expect(reply.json.error).toBe(
        'The request body must be a JSON object sent with Content-Type: application/json.',
      );
    },
  );

  test('text that is not JSON is still called not valid JSON', async () => {
    const reply = await call(server.url, 'POST', '/api/upgrade', { raw: '{"target": ' });
    expect(reply.json.error).toBe('The request body is not valid JSON.');
  });

  test.each([
    ['POST', '/api/upgrade', { target: 5 }, "The request's body.target must be a string."],
    [
      'PUT',
      '/api/design',
      { design: {}, version: 7 },
      "The request's body.version must be a string: the version read from GET /api/design.",
    ],
    ['POST', '/api/revisions', { message: null }, "The request's body.message must be a string."],
    [
      'POST',
      '/api/upgrade',
      { target: 'head', dryRun: 'yes' },
      "The request's body.dryRun must be true or false.",
    ],
    [
      'POST',
      '/api/upgrade',
      { target: 'head', lockTimeout: 5 },
      'The request\'s body.lockTimeout must be a string, a duration like "5s".',
    ],
  ] as const)(
    '%s %s with a wrong type says the type, not "is required"',
    async (method, path, body, sentence) => {
      const reply = await call(server.url, method, path, { body });
      expect(reply.status).toBe(400);
      expect(reply.json.error).toBe(sentence);
    },
  );

  test('a missing field is required', async () => {
    const reply = await call(server.url, 'POST', '/api/upgrade', { body: {} });
    expect(reply.json.error).toBe("The request's body.target is required.");
  });

  test.each(['99999999999999s', '2147483648ms', '35791395min'])(
    'a lock timeout of %s gets a 400 sentence, not a 500',
    async (lockTimeout) => {
      const reply = await call(server.url, 'POST', '/api/upgrade', {
        body: { target: 'head', lockTimeout },
      });
      expect(reply.status).toBe(400);
      expect(reply.json.error).toBe(
        `The lock timeout "${lockTimeout}" is longer than Postgres allows (at most 2147483647ms, about 24 days).`,
      );
      expect(project.snapshot()).toEqual(before);
    },
  );
});
