import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { alembicProjectFiles } from '@retort/codegen';
import { catalogsEqual, type Design, toCatalog } from '@retort/core';
import { hasPythonTools, PYTHON, serverUrl } from '@retort/testing';
import { withTestDatabase } from '@retort/testing/databases';
import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import type { Database, Revision } from '../contract';
import { introspect } from '../introspect/introspect';
import { upgrade } from '../runner/run';
import { tempProject } from '../testing/temp-project';

const run = promisify(execFile);

async function tutorialRevisions(): Promise<{ design: Design; revisions: Revision[] }> {
  const shop = loadShopDesign();
  const temp = await tempProject(shop);
  try {
    await temp.project.createRevision('create the shop tables');
    const next = structuredClone(shop);
    const users = next.tables.find((t) => t.name === 'users')!;
    users.columns.find((c) => c.name === 'language_code')!.type = 'VARCHAR(10)';
    next.tables
      .find((t) => t.name === 'products')!
      .columns.find((c) => c.name === 'description')!.type = 'VARCHAR(3000)';
    await temp.write(next);
    await temp.project.createRevision('changed language_code and product description');
    return { design: next, revisions: await temp.project.revisions() };
  } finally {
    await temp.cleanup();
  }
}

async function alembic(dir: string, url: string, ...args: string[]): Promise<void> {
  await run(PYTHON, ['-m', 'alembic', ...args], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: url },
  });
}

const versions = async (db: Database) =>
  (await db.query<{ version_num: string }>('SELECT version_num FROM alembic_version')).rows;

describe.runIf(serverUrl() !== null && hasPythonTools())(
  'interchange with the real Alembic',
  () => {
    it('carries on from each other: Alembic to revision 1, Retort to head, Alembic down and up again', async () => {
      const { design, revisions } = await tutorialRevisions();
      const [first, second] = revisions as [Revision, Revision];
      const dir = await mkdtemp(join(tmpdir(), 'retort-alembic-'));
      try {
        for (const [path, text] of Object.entries(
          alembicProjectFiles({ name: 'shop', design, revisions }),
        )) {
          await mkdir(dirname(join(dir, path)), { recursive: true });
          await writeFile(join(dir, path), text);
        }
        await withTestDatabase('postgres', async (db, url) => {
          await alembic(dir, url!, 'upgrade', first.id);
          expect(await versions(db)).toEqual([{ version_num: first.id }]);

          const result = await upgrade(db, revisions, 'head');
          expect(result.steps.map((s) => s.revision)).toEqual([second.id]);
          expect(await versions(db)).toEqual([{ version_num: second.id }]);
          expect(catalogsEqual(await introspect(db), toCatalog(second.schema))).toBe(true);

          await alembic(dir, url!, 'downgrade', '-1');
          expect(await versions(db)).toEqual([{ version_num: first.id }]);
          expect(catalogsEqual(await introspect(db), toCatalog(first.schema))).toBe(true);

          await alembic(dir, url!, 'upgrade', 'head');
          expect(await versions(db)).toEqual([{ version_num: second.id }]);
          expect(catalogsEqual(await introspect(db), toCatalog(second.schema))).toBe(true);
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, 60_000);
  },
);
