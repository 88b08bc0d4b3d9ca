/**
 * Expressions that carry statements, or that would make the parser work without bound, are
 * refused with 422 and one sentence; nothing of them runs, not even on page load.
 */
import { existsSync, rmSync } from 'node:fs';
import type { Database } from '@retort/migrate';
import { copyProject, type ProjectCopy } from '@retort/testing/projects';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from './start';
import { call } from './testing/http-client';

const MARKER = `/tmp/retort-expression-attack-${process.pid}`;

const ATTACKS = [
  ['default', "$$'$$ ; DROP TABLE victim1 ; SELECT $$'$$"],
  ['default', "E'\\'' ; DROP TABLE victim2 ; SELECT E'\\''"],
  [
    'check',
    `E'\\'' <> 'x') ; COPY (SELECT 1) TO PROGRAM $$id > ${MARKER}$$ ; SELECT ('x' <> E'\\''`,
  ],
] as const;

describe('expressions that are not one expression', () => {
  let project: ProjectCopy;
  let server: RunningServer;
  let db: Database;
  let version: string;
  let original: {
    tables: Array<Record<string, unknown> & { columns: unknown[]; checks: unknown[] }>;
  };

  beforeAll(async () => {
    rmSync(MARKER, { force: true });
    project = copyProject();
    server = await startServer({ projectDir: project.dir, host: '127.0.0.1', port: 0 });
    db = await server.openDatabase();
    await db.exec('CREATE TABLE victim1 (v INT); CREATE TABLE victim2 (v INT)');
    const reply = await call(server.url, 'GET', '/api/design');
    version = reply.json.version;
    original = reply.json.design;
  });

  afterAll(async () => {
    await server?.close();
    project?.remove();
    rmSync(MARKER, { force: true });
  });

  const withExpression = (kind: 'default' | 'check', sql: string) => {
    const design = structuredClone(original);
    const table = design.tables[0]!;
    if (kind === 'default') {
      table.columns.push({
        id: 'c_attack',
        name: 'attack',
        type: 'TEXT',
        nullable: true,
        default: { sql },
      });
    } else {
      table.checks.push({ id: 'k_attack', name: 'attack_check', expression: sql });
    }
    return design;
  };

  const victims = async () =>
    (
      await db.query<{ relname: string }>(
        "SELECT relname FROM pg_class WHERE relname IN ('victim1', 'victim2') ORDER BY relname",
      )
    ).rows.map((r) => r.relname);

  test.each(ATTACKS)(
    'a %s carrying statements is refused and nothing of it runs: %s',
    async (kind, sql) => {
      const reply = await call(server.url, 'PUT', '/api/design', {
        body: { design: withExpression(kind, sql), version },
      });
      expect(reply.status).toBe(422);
      expect(reply.json.error).toMatch(/^\S[^\n]*[.)]$/);
      expect(JSON.stringify(reply.json.problems)).toMatch(/is not a valid SQL expression|contains/);
      // The page loads the pending changes, whose preflight used to run check expressions.
      expect((await call(server.url, 'GET', '/api/pending')).status).toBe(200);
      expect(await victims()).toEqual(['victim1', 'victim2']);
      expect(existsSync(MARKER)).toBe(false);
    },
  );

  test.each([
    [
      'an ARRAY of 100,000 elements',
      `ARRAY[${Array.from({ length: 100_000 }, (_, i) => i).join(',')}]`,
      /characters long/,
    ],
    ['10,000 nested calls', `${'abs('.repeat(10_000)}1${')'.repeat(10_000)}`, /characters long/],
    [
      '1,500 nested calls within the length limit',
      `${'abs('.repeat(1_500)}1${')'.repeat(1_500)}`,
      /nested more than/,
    ],
    ['a chain of 4,000 additions', `1${'+1'.repeat(4_000)}`, /nested more than/],
  ])('%s gets 422 with a sentence, and the server keeps answering', async (_, sql, sentence) => {
    const reply = await call(server.url, 'PUT', '/api/design', {
      body: { design: withExpression('default', sql), version },
    });
    expect(reply.status).toBe(422);
    const problems = reply.json.problems as Array<{ message: string }>;
    expect(problems.map((p) => p.message).join(' ')).toMatch(sentence);
    expect(problems.every((p) => p.message.length < 300)).toBe(true);
    expect((await call(server.url, 'GET', '/api/health')).json).toEqual({ ok: true });
  });
});
