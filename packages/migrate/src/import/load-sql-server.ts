/**
 * Reading a SQL file on a server: a scratch database there is created, loaded, read and
 * dropped. Kept apart from the PGlite path so that only a run with a URL loads `pg`.
 */
import { randomBytes } from 'node:crypto';
import { RetortError } from '@retort/core';
import pg from 'pg';
import type { Introspection, IntrospectOptions } from '../contract';
import { openPostgres } from '../drivers/postgres-database';
import { redactUrl } from '../drivers/redact-url';
import { introspectDatabase } from '../introspect/introspect';
import type { DumpScript } from './dump-script';
import { runScript } from './load-sql';

/** A scratch database on the server at `url`: the file runs there, is read, and is dropped. */
export async function introspectSqlOnServer(
  url: string,
  script: DumpScript,
  options: IntrospectOptions = {},
): Promise<Introspection> {
  const name = `retort_scratch_${randomBytes(6).toString('hex')}`;
  await withClient(url, async (admin) => {
    await admin.query(`CREATE DATABASE "${name}"`).catch((error: Error) => {
      throw new RetortError(
        `Cannot create a scratch database on ${redactUrl(url)} to load the SQL into: ${error.message}.`,
        'refused',
      );
    });
  });
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  try {
    // One connection runs the whole file, as psql would.
    await withClient(scratch.toString(), (client) => runScript(() => client.query(script.sql)));
    const db = await openPostgres(scratch.toString());
    try {
      return await introspectDatabase(db, options);
    } finally {
      await db.close();
    }
  } finally {
    await withClient(url, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect().catch((error: Error) => {
    throw new RetortError(
      `Cannot connect to ${redactUrl(url)}: ${error.message}.`,
      'invalid_input',
    );
  });
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}
