/** `retort export alembic DIR`: a runnable Alembic project, written whole or not at all. */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createServerDatabase, hasPythonTools, PYTHON, serverUrl } from '@retort/testing';
import { copyProject, type ProjectCopy } from '@retort/testing/projects';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { retort } from './testing/retort-process';

describe('retort export alembic', () => {
  let project: ProjectCopy;
  let revisions: string[];

  beforeAll(async () => {
    project = copyProject('retort-cli-');
    expect((await retort(['revision', '-m', 'initial migration'], { cwd: project.dir })).code).toBe(
      0,
    );
    const path = join(project.dir, 'design.json');
    const design = JSON.parse(readFileSync(path, 'utf8'));
    design.tables
      .find((t: { name: string }) => t.name === 'users')
      .columns.push({
        id: 'c_users_phone_number',
        name: 'phone_number',
        type: 'VARCHAR(50)',
      });
    writeFileSync(path, JSON.stringify(design));
    expect(
      (await retort(['revision', '-m', 'added user phone number'], { cwd: project.dir })).code,
    ).toBe(0);
    revisions = readdirSync(join(project.dir, 'revisions')).map((file) => file.slice(0, 12));
  });
  afterAll(() => project.remove());

  test('writes alembic.ini, env.py, models.py and one version file per revision', async () => {
    const result = await retort(['export', 'alembic', 'alembic'], { cwd: project.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Wrote the Alembic project \(2 revisions, \d+ files\) to alembic/,
    );
    const dir = join(project.dir, 'alembic');
    for (const file of ['alembic.ini', 'env.py', 'script.py.mako', 'models.py']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const versions = readdirSync(join(dir, 'versions')).filter((f) => f.endsWith('.py'));
    expect(versions.map((f) => f.slice(0, 12)).sort()).toEqual([...revisions].sort());
    expect(readFileSync(join(dir, 'env.py'), 'utf8')).toContain('DATABASE_URL');
  });

  test('refuses a folder that is not empty unless --force, and leaves it as it was', async () => {
    const dir = join(project.dir, 'occupied');
    mkdirSync(dir);
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    const refused = await retort(['export', 'alembic', 'occupied'], { cwd: project.dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`retort: ${dir} is not empty; pass --force to write into it.\n`);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
    const forced = await retort(['export', 'alembic', 'occupied', '--force'], { cwd: project.dir });
    expect(forced.code).toBe(0);
    expect(readdirSync(dir)).toEqual(
      expect.arrayContaining(['keep.txt', 'alembic.ini', 'versions']),
    );
    expect(readdirSync(project.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test.runIf(serverUrl() !== null && hasPythonTools())(
    'the exported project runs under the real Alembic against Postgres',
    async () => {
      const db = await createServerDatabase('retort_export');
      try {
        const dir = join(project.dir, 'runnable');
        expect((await retort(['export', 'alembic', 'runnable'], { cwd: project.dir })).code).toBe(
          0,
        );
        const alembic = (...args: string[]) =>
          promisify(execFile)(PYTHON, ['-m', 'alembic', ...args], {
            cwd: dir,
            env: { ...process.env, DATABASE_URL: db.url },
          });
        await alembic('upgrade', 'head');
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        try {
          const version = await client.query('SELECT version_num FROM alembic_version');
          const chain = readdirSync(join(project.dir, 'revisions')).map(
            (file) =>
              JSON.parse(readFileSync(join(project.dir, 'revisions', file), 'utf8')) as {
                id: string;
                parent: string | null;
              },
          );
          const head = chain.find((r) => !chain.some((other) => other.parent === r.id))?.id;
          expect(version.rows).toEqual([{ version_num: head }]);
          const phone = await client.query(
            `SELECT data_type, character_maximum_length FROM information_schema.columns
              WHERE table_name = 'users' AND column_name = 'phone_number'`,
          );
          expect(phone.rows).toEqual([
            { data_type: 'character varying', character_maximum_length: 50 },
          ]);
          await alembic('downgrade', 'base');
          const tables = await client.query(
            `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
          );
          expect(tables.rows).toEqual([{ tablename: 'alembic_version' }]);
        } finally {
          await client.end();
        }
      } finally {
        await db.drop();
      }
    },
  );
});
