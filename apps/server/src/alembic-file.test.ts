/**
 * A revision's Alembic file is one derivation: the Review panel's preview of the pending
 * changes, `GET /api/revisions/:id` and the exported project give the same bytes for every
 * revision of a chain that creates, alters and drops enums, tables and keys.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addColumn,
  addEnum,
  addIndex,
  addTable,
  addUnique,
  type Design,
  deleteColumn,
  deleteEnum,
  deleteForeignKey,
  deleteTable,
  deleteUnique,
  insertForeignKey,
  renameTable,
  updateColumn,
  updateEnum,
} from '@retort/core';
import { hasPythonTools, PYTHON } from '@retort/testing';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from './start';
import { serverTestTargets } from './testing/database-targets';
import { call, callBytes } from './testing/http-client';
import { startTestServer, type TestServer } from './testing/test-server';

interface Step {
  message: string;
  change: (design: Design) => Design;
}

/** Ids the later steps need, filled in by the earlier ones. */
const made = { enumId: '', statusId: '', shipmentsId: '', foreignKeyId: '', uniqueId: '' };

const steps: Step[] = [
  { message: 'initial schema', change: (design) => design },
  {
    message: 'order status and shipments',
    change: (design) => {
      const withEnum = addEnum(design, 'order_status', ['new', 'paid']);
      made.enumId = withEnum.enumId;
      const withColumn = addColumn(withEnum.design, 't_orders');
      made.statusId = withColumn.columnId;
      let next = updateColumn(withColumn.design, 't_orders', made.statusId, {
        name: 'status',
        type: 'order_status',
        nullable: false,
        default: { sql: "'new'" },
      });
      const withTable = addTable(next, { x: 600, y: 0 });
      made.shipmentsId = withTable.tableId;
      next = renameTable(withTable.design, made.shipmentsId, 'shipments');
      const withOrder = addColumn(next, made.shipmentsId);
      next = updateColumn(withOrder.design, made.shipmentsId, withOrder.columnId, {
        name: 'order_id',
        type: 'INTEGER',
      });
      const withKey = insertForeignKey(next, made.shipmentsId, {
        name: null,
        columns: [withOrder.columnId],
        references: { table: 't_orders', columns: ['c_orders_order_id'] },
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
      });
      made.foreignKeyId = withKey.foreignKeyId;
      const withUnique = addUnique(withKey.design, 't_users', ['c_users_username']);
      made.uniqueId = withUnique.id;
      return withUnique.design;
    },
  },
  {
    message: 'shipped orders and deliveries',
    change: (design) => {
      let next = updateEnum(design, made.enumId, { values: ['new', 'paid', 'shipped'] });
      next = updateColumn(next, 't_users', 'c_users_language_code', { type: 'VARCHAR(10)' });
      next = renameTable(next, made.shipmentsId, 'deliveries');
      next = deleteForeignKey(next, made.shipmentsId, made.foreignKeyId);
      return addIndex(next, 't_orders', [made.statusId]).design;
    },
  },
  {
    message: 'no more status',
    change: (design) => {
      let next = deleteColumn(design, 't_orders', made.statusId);
      next = deleteEnum(next, made.enumId);
      next = deleteTable(next, made.shipmentsId);
      return deleteUnique(next, 't_users', made.uniqueId);
    },
  },
];

describe('a revision’s Alembic file', () => {
  const target = serverTestTargets().at(-1)!;
  let running: TestServer;
  let server: RunningServer;
  let scratch: string;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'retort-alembic-py-'));
    running = await startTestServer(target, 'retort-alembic-file-');
    server = running.server;
  });

  afterAll(async () => {
    await running?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('is the same in the pending preview, GET /revisions/:id and the export, for every revision', async () => {
    const base = server.url;
    const previews: { id: string; message: string; alembic: string }[] = [];
    for (const step of steps) {
      const current = (await call(base, 'GET', '/api/design')).json;
      const saved = await call(base, 'PUT', '/api/design', {
        body: { design: step.change(current.design), version: current.version },
      });
      expect(saved.status, step.message).toBe(200);
      const pending = (await call(base, 'GET', '/api/pending')).json;
      expect(pending.alembic, step.message).not.toBe('');
      const created = await call(base, 'POST', '/api/revisions', {
        body: { message: step.message },
      });
      expect(created.status, step.message).toBe(201);
      previews.push({
        id: created.json.revision.id,
        message: step.message,
        alembic: pending.alembic,
      });
    }

    const zip = await callBytes(base, '/api/export/alembic');
    const exported = Object.entries(unzipSync(new Uint8Array(zip.body)));
    for (const preview of previews) {
      const shown = (await call(base, 'GET', `/api/revisions/${preview.id}`)).json.alembic;
      const inExport = exported.find(([path]) => path.startsWith(`versions/${preview.id}_`));
      expect(inExport, preview.message).toBeDefined();
      expect(strFromU8(inExport![1]), preview.message).toBe(shown);
      // The preview names no revision yet: it is the file but for its id, message and date.
      const named = preview.alembic
        .replaceAll('000000000000', preview.id)
        .replace('pending changes', preview.message)
        .replace(/^Create Date: .*$/m, /^Create Date: .*$/m.exec(shown)![0]);
      expect(named, preview.message).toBe(shown);
    }
  });

  test.skipIf(!hasPythonTools())(
    'previews a dropped enum column as Python that compiles, with the enum’s values',
    async () => {
      const base = server.url;
      const current = (await call(base, 'GET', '/api/design')).json;
      const withEnum = addEnum(current.design, 'priority', ['low', 'high']);
      const withColumn = addColumn(withEnum.design, 't_products');
      const design = updateColumn(withColumn.design, 't_products', withColumn.columnId, {
        name: 'priority',
        type: 'priority',
      });
      const saved = await call(base, 'PUT', '/api/design', {
        body: { design, version: current.version },
      });
      expect(
        (await call(base, 'POST', '/api/revisions', { body: { message: 'priority' } })).status,
      ).toBe(201);
      const dropped = deleteEnum(
        deleteColumn(saved.json.design, 't_products', withColumn.columnId),
        withEnum.enumId,
      );
      await call(base, 'PUT', '/api/design', {
        body: { design: dropped, version: saved.json.version },
      });
      const { alembic } = (await call(base, 'GET', '/api/pending')).json;
      expect(alembic).toContain("postgresql.ENUM('low', 'high', name='priority'");
      const file = join(scratch, 'pending.py');
      writeFileSync(file, alembic);
      execFileSync(PYTHON, ['-m', 'py_compile', file]);
    },
  );
});
