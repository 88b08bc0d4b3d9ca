/**
 * Test support shared by every package: throwaway databases on the real server, and the
 * real Python tools. Under `CI=true` a missing tool fails the run instead of skipping.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const inCI = process.env.CI === 'true';

/** The admin URL of the real Postgres under test, or null where none is configured. */
export function serverUrl(): string | null {
  const url = process.env.TEST_DATABASE_URL ?? null;
  if (!url && inCI) throw new Error('CI=true but TEST_DATABASE_URL is not set.');
  return url;
}

export interface ServerDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database on the real server, so tests can run in parallel: empty, or a copy of
 * `options.template` (a database nobody is connected to).
 */
export async function createServerDatabase(
  prefix = 'retort_test',
  options: { template?: string } = {},
): Promise<ServerDatabase> {
  const admin = serverUrl();
  if (!admin) throw new Error('TEST_DATABASE_URL is not set.');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const template = options.template ? ` TEMPLATE "${options.template}"` : '';
  await withAdmin(admin, (client) => client.query(`CREATE DATABASE "${name}"${template}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await withAdmin(admin, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Debian's Python, which carries the distribution's SQLAlchemy and Alembic. */
export const PYTHON = '/usr/bin/python3';

let pythonChecked: boolean | undefined;

/** Whether `/usr/bin/python3` can import sqlalchemy, alembic and psycopg2. */
export function hasPythonTools(): boolean {
  if (pythonChecked === undefined) {
    try {
      execFileSync(PYTHON, ['-c', 'import sqlalchemy, alembic, psycopg2'], { stdio: 'ignore' });
      pythonChecked = true;
    } catch {
      pythonChecked = false;
    }
  }
  if (!pythonChecked && inCI) {
    throw new Error(`CI=true but ${PYTHON} cannot import sqlalchemy, alembic and psycopg2.`);
  }
  return pythonChecked;
}

/** SQLAlchemy's version under /usr/bin/python3, e.g. `1.4.46`. */
export function sqlalchemyVersion(): string {
  return execFileSync(PYTHON, ['-c', 'import sqlalchemy; print(sqlalchemy.__version__)'])
    .toString()
    .trim();
}
