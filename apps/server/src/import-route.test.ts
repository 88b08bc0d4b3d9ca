/**
 * `POST /api/import`: SQL read through a scratch PGlite and DBML through @dbml/core, the
 * design answered and nothing saved; bad input is a 4xx sentence.
 */
import { copyProject, type ProjectCopy } from '@retort/testing/projects';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from './start';
import { call } from './testing/http-client';

const SQL = `
CREATE TYPE status AS ENUM ('new', 'done');
CREATE TABLE teams (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE tasks (
  id bigserial PRIMARY KEY,
  team_id integer NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  state status NOT NULL DEFAULT 'new'
);
CREATE VIEW open_tasks AS SELECT * FROM tasks WHERE state = 'new';
`;

describe('POST /api/import', () => {
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

  test('SQL comes back as a design with what it does not model listed, and nothing is saved', async () => {
    const reply = await call(server.url, 'POST', '/api/import', {
      body: { format: 'sql', text: SQL },
    });
    expect(reply.status).toBe(200);
    expect(reply.json.design.tables.map((t: { name: string }) => t.name).sort()).toEqual([
      'tasks',
      'teams',
    ]);
    expect(reply.json.design.enums).toEqual([
      expect.objectContaining({ name: 'status', values: ['new', 'done'] }),
    ]);
    const tasks = reply.json.design.tables.find((t: { name: string }) => t.name === 'tasks');
    expect(tasks.foreignKeys).toEqual([expect.objectContaining({ onDelete: 'CASCADE' })]);
    expect(reply.json.unmodelled).toEqual([]);
    expect(reply.json.design.objects).toEqual([
      expect.objectContaining({ kind: 'view', name: 'open_tasks', dependsOn: ['t_tasks'] }),
    ]);
    expect(project.snapshot()).toEqual(before);
  });

  test('DBML comes back as a design, and a column of an unknown type is listed', async () => {
    const reply = await call(server.url, 'POST', '/api/import', {
      body: {
        format: 'dbml',
        text: 'Table places {\n  id int [pk]\n  shape gis.geometry\n}\nTable visits {\n  place_id int [ref: > places.id]\n}\n',
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.json.design.tables.map((t: { name: string }) => t.name)).toEqual([
      'places',
      'visits',
    ]);
    expect(reply.json.unmodelled).toEqual([
      {
        kind: 'column',
        name: 'places.shape',
        why: 'type gis.geometry is in schema gis; left out',
      },
    ]);
    expect(project.snapshot()).toEqual(before);
  });

  test.each([
    [{ format: 'xml', text: 'x' }, 400, 'The request\'s body.format must be "sql" or "dbml".'],
    [{ format: 'sql' }, 400, "The request's body.text is required."],
    [{ format: 'sql', text: '  ' }, 400, "The request's body.text must not be empty."],
    [
      { format: 'sql', text: 'CREATE TABLE a (id nonsense);' },
      400,
      /^The SQL does not run on Postgres: type "nonsense" does not exist\.$/,
    ],
    [
      { format: 'dbml', text: 'Table a {\n  id int [pk\n}' },
      400,
      /^The DBML does not parse: line \d+, column \d+: /,
    ],
    [
      { format: 'dbml', text: 'Table a { id int [pk] }\nTable b { a_id text [ref: > a.id] }' },
      422,
      /^The DBML describes a schema Retort cannot keep \(1 problem\)\.$/,
    ],
  ])(
    '%j is refused with %i and one sentence, and nothing is saved',
    async (body, status, sentence) => {
      const reply = await call(server.url, 'POST', '/api/import', { body });
      expect(reply.status).toBe(status);
      if (typeof sentence === 'string') expect(reply.json.error).toBe(sentence);
      else expect(reply.json.error).toMatch(sentence);
      expect(project.snapshot()).toEqual(before);
    },
  );

  test('a body over 12 MB is refused with 413, and other routes keep their 2 MB limit', async () => {
    const big = await call(server.url, 'POST', '/api/import', {
      raw: JSON.stringify({ format: 'sql', text: 'x'.repeat(13 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect(big.json.error).toBe('The request body is larger than the 12 MB limit.');
    const validate = await call(server.url, 'POST', '/api/validate', {
      raw: JSON.stringify({ design: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(validate.status).toBe(413);
    expect(validate.json.error).toBe('The request body is larger than the 2 MB limit.');
  });
});
