/**
 * The tutorial's workflow with the real `retort` executable: revision, upgrade, current,
 * history, check, downgrade; on the embedded PGlite and on a real server via --database-url.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@retort/migrate';
import { createServerDatabase } from '@retort/testing';
import { databaseTargets } from '@retort/testing/databases';
import { copyProject, type ProjectCopy } from '@retort/testing/projects';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { retort } from './testing/retort-process';

interface Target {
  name: string;
  create(): Promise<{ args: string[]; url: string | undefined; drop(): Promise<void> }>;
}

const targets: Target[] = databaseTargets().map((name) => ({
  name,
  create: async () => {
    if (name === 'pglite') return { args: [], url: undefined, drop: async () => {} };
    const db = await createServerDatabase('retort_cli');
    return { args: ['--database-url', db.url], url: db.url, drop: db.drop };
  },
}));

function applyTutorialChanges(dir: string): void {
  const path = join(dir, 'design.json');
  const design = JSON.parse(readFileSync(path, 'utf8'));
  const users = design.tables.find((t: { name: string }) => t.name === 'users');
  const products = design.tables.find((t: { name: string }) => t.name === 'products');
  users.columns.find((c: { name: string }) => c.name === 'language_code').type = 'VARCHAR(10)';
  products.columns.find((c: { name: string }) => c.name === 'description').type = 'VARCHAR(3000)';
  users.columns.push({ id: 'c_users_phone_number', name: 'phone_number', type: 'VARCHAR(50)' });
  writeFileSync(path, `${JSON.stringify(design, null, 2)}\n`);
}

describe.each(targets)('retort migrations on $name', (target) => {
  let project: ProjectCopy;
  let database: Awaited<ReturnType<Target['create']>>;
  const run = (...args: string[]) => retort([...args, ...database.args], { cwd: project.dir });

  /** Reads column types straight from the catalog, after the CLI has closed its own handle. */
  async function columnTypes(...columns: string[]): Promise<(string | null)[]> {
    const db = await openDatabase({ url: database.url, projectDir: project.dir });
    try {
      const types: (string | null)[] = [];
      for (const qualified of columns) {
        const [table, column] = qualified.split('.');
        const { rows } = await db.query<{ type: string }>(
          `SELECT format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
             JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relname = $1 AND a.attname = $2 AND NOT a.attisdropped`,
          [table, column],
        );
        types.push(rows[0]?.type ?? null);
      }
      return types;
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    project = copyProject('retort-cli-');
    database = await target.create();
  });
  afterAll(async () => {
    await database?.drop();
    project?.remove();
  });

  test('revision, upgrade, current, history, check and downgrade follow the tutorial', async () => {
    const none = await run('current');
    expect(none).toMatchObject({ code: 0, stdout: 'No revision applied (base).\n' });

    const initial = await run('revision', '-m', 'initial migration', '--autogenerate');
    expect(initial.stderr).toBe('');
    const first =
      /^Created revision ([0-9a-f]{12}) \(\d+ operations\): revisions\/\1_[\w-]+\.json$/m.exec(
        initial.stdout,
      )?.[1];
    expect(first).toBeDefined();

    const up = await run('upgrade');
    expect(up.code).toBe(0);
    expect(up.stdout).toContain(`Running upgrade  -> ${first}, initial migration`);
    expect(await columnTypes('users.language_code')).toEqual(['character varying(255)']);
    expect((await run('current')).stdout).toBe(`${first} (head)\n`);

    expect((await run('revision', '-m', 'nothing')).stdout).toBe('No changes since head.\n');

    applyTutorialChanges(project.dir);
    const second = await run('revision', '-m', 'changed language_code and product description');
    expect(second.code).toBe(0);
    const secondId = /Created revision ([0-9a-f]{12}) \(3 operations\)/.exec(second.stdout)?.[1];
    expect(secondId).toBeDefined();
    expect(second.stdout).toMatch(/warning .*language_code/i);

    const history = await run('history');
    expect(history.stdout).toBe(
      `${first} -> ${secondId} (head), changed language_code and product description\n<base> -> ${first}, initial migration\n`,
    );
    expect((await run('history', '--verbose')).stdout).toContain(
      `Rev: ${secondId} (head)\nParent: ${first}\n`,
    );

    const sql = await run('upgrade', 'head', '--sql');
    expect(sql.code).toBe(0);
    expect(sql.stdout).toMatch(/ALTER TABLE .*users.*language_code/);

    const dry = await run('upgrade', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^ {4}ALTER TABLE .*language_code/m);
    expect(dry.stdout).toContain(`Dry run: nothing was changed (the database stays at ${first}).`);

    const up2 = await run('upgrade', 'head');
    expect(up2.stdout).toContain(`Running upgrade ${first} -> ${secondId}, changed language_code`);
    expect(
      await columnTypes('users.language_code', 'products.description', 'users.phone_number'),
    ).toEqual(['character varying(10)', 'character varying(3000)', 'character varying(50)']);
    expect(await run('check')).toMatchObject({ code: 0, stdout: 'No drift.\n' });

    const down = await run('downgrade', '-1');
    expect(down.stdout).toContain(`Running downgrade ${secondId} -> ${first}`);
    expect(
      await columnTypes('users.language_code', 'products.description', 'users.phone_number'),
    ).toEqual(['character varying(255)', 'text', null]);
    expect((await run('current')).stdout).toBe(`${first}\n`);

    expect((await run('upgrade', 'head')).code).toBe(0);
    expect((await run('current')).stdout).toBe(`${secondId} (head)\n`);
  }, 240_000);

  test('check lists each difference and exits 1 when the database drifted', async () => {
    const db = await openDatabase({ url: database.url, projectDir: project.dir });
    try {
      await db.exec('ALTER TABLE users ADD COLUMN nickname TEXT');
    } finally {
      await db.close();
    }
    const check = await run('check');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /^The database differs from revision [0-9a-f]{12} in \d+ places?:\n/,
    );
    expect(check.stdout).toMatch(/^ {2}- .*nickname.*$/m);
  });

  test('an unknown target is one sentence and exit 1', async () => {
    const result = await run('upgrade', 'fedcba987654');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^retort: .*fedcba987654.*\.\n$/);
  });
});
