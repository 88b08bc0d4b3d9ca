import type { Database } from '@retort/migrate';
import { tutorialChanges } from '@retort/testing/tutorial';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from './start';
import { serverTestTargets } from './testing/database-targets';
import { call, callBytes } from './testing/http-client';
import { startTestServer, type TestServer } from './testing/test-server';

async function columnType(db: Database, table: string, column: string): Promise<string | null> {
  const { rows } = await db.query<{ type: string }>(
    `SELECT format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname = $1 AND a.attname = $2 AND NOT a.attisdropped`,
    [table, column],
  );
  return rows[0]?.type ?? null;
}

async function tables(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

async function version(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ v: string }>('SELECT version_num AS v FROM alembic_version');
  return rows.map((row) => row.v);
}

describe.each(serverTestTargets())('the tutorial over HTTP on $name', (target) => {
  let running: TestServer;
  let server: RunningServer;
  let db: Database;

  beforeAll(async () => {
    running = await startTestServer(target);
    server = running.server;
    db = await server.openDatabase();
  });

  afterAll(async () => {
    await running?.close();
  });

  test('the tutorial flow creates, applies, reverts and re-applies both revisions', async () => {
    const base = server.url;
    const project0 = await call(base, 'GET', '/api/project');
    expect(project0.status).toBe(200);
    expect(project0.json).toMatchObject({ name: 'shop', current: null, head: null });
    expect(project0.json.database.kind).toBe(target.name);
    expect(project0.json.database.description).not.toMatch(/:[^:@/]+@/);

    const loaded = await call(base, 'GET', '/api/design');
    expect(loaded.status).toBe(200);
    expect(loaded.json.design.tables.map((t: { name: string }) => t.name).sort()).toEqual([
      'order_products',
      'orders',
      'products',
      'users',
    ]);

    const initial = await call(base, 'POST', '/api/revisions', {
      body: { message: 'initial migration' },
    });
    expect(initial.status).toBe(201);
    const first = initial.json.revision.id as string;
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    expect(initial.json.revision.parent).toBeNull();

    const up1 = await call(base, 'POST', '/api/upgrade', { body: { target: 'head' } });
    expect(up1.status).toBe(200);
    expect(up1.json).toMatchObject({ from: null, to: first, dryRun: false });
    expect(up1.json.steps).toHaveLength(1);
    expect(await tables(db)).toEqual([
      'alembic_version',
      'order_products',
      'orders',
      'products',
      'users',
    ]);
    expect(await columnType(db, 'users', 'language_code')).toBe('character varying(255)');
    expect(await version(db)).toEqual([first]);

    const saved = await call(base, 'PUT', '/api/design', {
      body: { design: tutorialChanges(loaded.json.design), version: loaded.json.version },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.version).not.toBe(loaded.json.version);

    const pending = await call(base, 'GET', '/api/pending');
    expect(pending.status).toBe(200);
    const operations = pending.json.operations as {
      kind: string;
      table: string;
      before?: { name: string; type: string };
      after?: { name: string; type: string };
      column?: { name: string; type: string };
    }[];
    const typeChanges = operations.filter(
      (op) => op.kind === 'alter_column' && op.before?.type !== op.after?.type,
    );
    expect(typeChanges.map((op) => `${op.table}.${op.after?.name}`).sort()).toEqual([
      'products.description',
      'users.language_code',
    ]);
    expect(
      operations.filter((op) => op.kind === 'add_column').map((op) => op.column?.name),
    ).toEqual(['phone_number']);
    expect(operations).toHaveLength(3);
    const narrowing = operations.findIndex(
      (op) => op.kind === 'alter_column' && op.after?.name === 'language_code',
    );
    expect(
      (pending.json.lint as { level: string; operation: number }[]).some(
        (finding) => finding.operation === narrowing && finding.level === 'warning',
      ),
    ).toBe(true);
    expect(pending.json.sql.upgrade.join('\n')).toMatch(
      /ALTER TABLE .*users.* ALTER COLUMN .*language_code/,
    );
    expect(pending.json.alembic).toContain('op.add_column');

    const second = await call(base, 'POST', '/api/revisions', {
      body: { message: 'changed language_code and product description' },
    });
    expect(second.status).toBe(201);
    const secondId = second.json.revision.id as string;
    expect(second.json.revision.parent).toBe(first);

    const up2 = await call(base, 'POST', '/api/upgrade', { body: { target: 'head' } });
    expect(up2.status).toBe(200);
    expect(up2.json).toMatchObject({ from: first, to: secondId });
    expect(await columnType(db, 'users', 'language_code')).toBe('character varying(10)');
    expect(await columnType(db, 'products', 'description')).toBe('character varying(3000)');
    expect(await columnType(db, 'users', 'phone_number')).toBe('character varying(50)');

    const timeline = await call(base, 'GET', '/api/revisions');
    expect(timeline.status).toBe(200);
    expect(timeline.json).toMatchObject({ current: secondId, head: secondId });
    expect(timeline.json.revisions).toMatchObject([
      { id: first, parent: null, message: 'initial migration', applied: true, current: false },
      { id: secondId, parent: first, operations: 3, applied: true, current: true },
    ]);

    const one = await call(base, 'GET', `/api/revisions/${secondId}`);
    expect(one.status).toBe(200);
    expect(one.json.revision.sql.upgrade.length).toBeGreaterThan(0);
    expect(one.json.revision.schema.tables).toHaveLength(4);
    expect(one.json.alembic).toContain(`Revision ID: ${secondId}`);
    expect(one.json.alembic).toContain(`down_revision = '${first}'`);

    const down = await call(base, 'POST', '/api/downgrade', { body: { target: '-1' } });
    expect(down.status).toBe(200);
    expect(down.json).toMatchObject({ from: secondId, to: first });
    expect(await columnType(db, 'users', 'language_code')).toBe('character varying(255)');
    expect(await columnType(db, 'products', 'description')).toBe('text');
    expect(await columnType(db, 'users', 'phone_number')).toBeNull();
    expect(await version(db)).toEqual([first]);

    const again = await call(base, 'POST', '/api/upgrade', { body: { target: 'head' } });
    expect(again.status).toBe(200);
    expect(await columnType(db, 'users', 'phone_number')).toBe('character varying(50)');
    expect(await version(db)).toEqual([secondId]);

    const status = await call(base, 'GET', '/api/project');
    expect(status.json).toMatchObject({
      current: secondId,
      head: secondId,
      drift: { differences: [] },
    });
  });

  test('models come in every format and the Alembic export is a zip of the whole project', async () => {
    for (const format of [
      'sqlalchemy',
      'sqlalchemy2',
      'sql',
      'drizzle',
      'typeorm',
      'kysely',
      'dbml',
      'mermaid',
    ]) {
      const models = await call(server.url, 'GET', `/api/models?format=${format}`);
      expect(models.status, format).toBe(200);
      expect(models.json.format).toBe(format);
      expect(models.json.code).toMatch(/order_products/);
    }
    const zip = await callBytes(server.url, '/api/export/alembic');
    expect(zip.status).toBe(200);
    expect(zip.type).toBe('application/zip');
    const files = unzipSync(new Uint8Array(zip.body));
    const names = Object.keys(files);
    expect(names).toEqual(
      expect.arrayContaining(['alembic.ini', 'env.py', 'script.py.mako', 'models.py']),
    );
    const revisions = (await call(server.url, 'GET', '/api/revisions')).json.revisions.length;
    expect(names.filter((name) => /^versions\/.+\.py$/.test(name))).toHaveLength(revisions);
  });

  test('a second run while one is in progress is refused with 409 and runs nothing twice', async () => {
    const base = server.url;
    await call(base, 'POST', '/api/downgrade', { body: { target: 'base' } });
    const replies = await Promise.all(
      Array.from({ length: 4 }, () =>
        call(base, 'POST', '/api/upgrade', { body: { target: 'head' } }),
      ),
    );
    const applied = replies.filter((reply) => reply.status === 200 && reply.json.steps.length > 0);
    const refused = replies.filter((reply) => reply.status === 409);
    expect(applied).toHaveLength(1);
    expect(refused.length).toBeGreaterThan(0);
    for (const reply of refused) expect(reply.json.error).toMatch(/already running/);
    expect(applied[0]!.json.steps).toHaveLength(2);
  });
});
