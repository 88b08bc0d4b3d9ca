/** `retort import`: design.json and a baseline revision from SQL or from a live database. */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServerDatabase, serverUrl } from '@retort/testing';
import { FIXTURES_DIR, psqlFile } from '@retort/testing/pg-dump';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { retort } from './testing/retort-process';

const SCHEMA = `
CREATE TABLE users (
  telegram_id BIGINT PRIMARY KEY,
  full_name VARCHAR(255) NOT NULL,
  language_code VARCHAR(255) NOT NULL
);
CREATE TABLE orders (
  order_id SERIAL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (telegram_id) ON DELETE CASCADE
);`;

/**
 * The kitchen sink's dump with extended statistics after it: Retort models everything in
 * the kitchen sink, and statistics it does not.
 */
function writeDumpWithStatistics(dir: string): void {
  const dump = readFileSync(join(FIXTURES_DIR, 'kitchen-sink.sql'), 'utf8');
  writeFileSync(
    join(dir, 'dump.sql'),
    `${dump}\nCREATE STATISTICS public.bookings_stats ON room_id, account_id FROM public.bookings;\n`,
  );
}

describe('retort import', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'retort-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('--sql FILE writes design.json and one baseline revision', async () => {
    writeFileSync(join(dir, 'schema.sql'), SCHEMA);
    const result = await retort(['import', '--sql', 'schema.sql'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /^Imported schema\.sql: 2 tables written to design\.json, baseline revision [0-9a-f]{12}\.\n$/,
    );
    const design = JSON.parse(readFileSync(join(dir, 'design.json'), 'utf8'));
    expect(design.tables.map((t: { name: string }) => t.name).sort()).toEqual(['orders', 'users']);
    expect(readdirSync(join(dir, 'revisions'))).toHaveLength(1);
    const models = await retort(['models', '--format', 'sqlalchemy'], { cwd: dir });
    expect(models.stdout).toContain("ForeignKey('users.telegram_id', ondelete='CASCADE')");
  });

  test('an existing design.json is refused without --force and kept as it was', async () => {
    writeFileSync(join(dir, 'schema.sql'), SCHEMA);
    writeFileSync(join(dir, 'design.json'), '{"mine": true}');
    const result = await retort(['import', '--sql', 'schema.sql'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^retort: [^\n]+\.\n$/);
    expect(readFileSync(join(dir, 'design.json'), 'utf8')).toBe('{"mine": true}');
    expect(existsSync(join(dir, 'revisions'))).toBe(false);
  });

  test('SQL that Postgres rejects is one sentence and writes nothing', async () => {
    writeFileSync(join(dir, 'schema.sql'), 'CREATE TABLE broken (id INTEGR);');
    const result = await retort(['import', '--sql', 'schema.sql'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^retort: [^\n]+\n$/);
    expect(readdirSync(dir)).toEqual(['schema.sql']);
  });

  test('without --sql or a database URL it says what to pass', async () => {
    const result = await retort(['import'], { cwd: dir });
    expect(result).toMatchObject({
      code: 1,
      stderr: 'retort: Pass --database-url URL or --sql FILE to say what to import.\n',
    });
  });

  test.runIf(serverUrl() !== null)(
    '--database-url imports a live database and stamps the baseline into alembic_version',
    async () => {
      const db = await createServerDatabase('retort_import');
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query(SCHEMA);
        const result = await retort(['import', '--database-url', db.url], { cwd: dir });
        expect(result.stderr).toBe('');
        const id = /baseline revision ([0-9a-f]{12})\./.exec(result.stdout)?.[1];
        expect(id).toBeDefined();
        const version = await client.query('SELECT version_num FROM alembic_version');
        expect(version.rows).toEqual([{ version_num: id }]);
        const check = await retort(['check', '--database-url', db.url], { cwd: dir });
        expect(check).toMatchObject({ code: 0, stdout: 'No drift.\n' });
      } finally {
        await client.end();
        await db.drop();
      }
    },
  );

  test('a pg_dump with objects Retort does not model is refused, each one listed, nothing written', async () => {
    writeDumpWithStatistics(dir);
    const result = await retort(['import', '--sql', 'dump.sql'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe(
      'retort: The database holds 1 object Retort does not model; nothing was written. Import the rest without them with --allow-partial.',
    );
    expect(lines).toContain('  statistics public.bookings_stats: extended statistics');
    expect(lines.filter((line) => line.startsWith('  '))).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['dump.sql']);
  }, 300_000);

  test('--allow-partial imports the modelled part of a pg_dump and lists what it left out', async () => {
    writeDumpWithStatistics(dir);
    const result = await retort(['import', '--sql', 'dump.sql', '--allow-partial'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'note: Skipped line 12, the psql meta-command \\restrict.\nnote: Skipped line 920, the psql meta-command \\unrestrict.\n',
    );
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^Imported dump\.sql: 11 tables written to design\.json, baseline revision [0-9a-f]{12}\.$/,
    );
    expect(lines[1]).toBe('Left out 1 object Retort does not model:');
    const design = JSON.parse(readFileSync(join(dir, 'design.json'), 'utf8'));
    expect(
      design.tables.map((t: { schema?: string; name: string }) =>
        [t.schema, t.name].filter(Boolean).join('.'),
      ),
    ).toEqual([
      'accounts',
      'app_private.account_secrets',
      'app_public.events',
      'app_public.events_2026',
      'app_public.invoice_lines',
      'app_public.invoices',
      'bookings',
      'readings',
      'readings_eu',
      'readings_other',
      'rooms',
    ]);
    expect(readdirSync(join(dir, 'revisions'))).toHaveLength(1);
  }, 300_000);

  test.runIf(serverUrl() !== null)(
    '--schema app_public imports its tables and enum, lists what it leaves out, and check never says No drift',
    async () => {
      const db = await createServerDatabase('retort_import');
      try {
        await psqlFile(db.url, join(FIXTURES_DIR, 'kitchen-sink.sql'));
        const args = ['import', '--database-url', db.url, '--schema', 'app_public'];
        const refused = await retort(args, { cwd: dir });
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain(
          '  trigger app_public.invoices.invoices_touch: depends on function app_private.touch_updated_at(), outside the schemas read\n',
        );
        expect(readdirSync(dir)).toEqual([]);

        const partial = await retort([...args, '--allow-partial'], { cwd: dir });
        expect(partial.code).toBe(0);
        expect(partial.stdout).toMatch(/^Imported the database: 4 tables written/);
        expect(partial.stdout).toContain('Left out 3 objects Retort does not model:\n');

        const check = await retort(['check', '--database-url', db.url], { cwd: dir });
        expect(check.code).toBe(1);
        expect(check.stdout).not.toContain('No drift');
        expect(check.stdout).toContain(
          '  - trigger app_public.invoices_touch on invoices is in the database but not expected\n',
        );
      } finally {
        await db.drop();
      }
    },
    300_000,
  );

  test.runIf(serverUrl() !== null)(
    '--sql with --database-url loads the dump into a scratch database on that server and drops it',
    async () => {
      const scratches = async () => {
        const client = new pg.Client({ connectionString: serverUrl()! });
        await client.connect();
        try {
          const { rows } = await client.query(
            "SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE 'retort\\_scratch\\_%'",
          );
          return rows[0].n as number;
        } finally {
          await client.end();
        }
      };
      const before = await scratches();
      copyFileSync(join(FIXTURES_DIR, 'modelled-subset.sql'), join(dir, 'dump.sql'));
      const result = await retort(['import', '--sql', 'dump.sql', '--database-url', serverUrl()!], {
        cwd: dir,
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Imported dump\.sql: 7 tables written to design\.json/);
      expect(await scratches()).toBe(before);
    },
    300_000,
  );
});
