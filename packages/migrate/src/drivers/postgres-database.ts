/** The real server through `pg`: a small pool; a transaction holds one client throughout. */
import { RetortError } from '@retort/core';
import pg from 'pg';
import type { Database, Queryable } from '../contract';
import { redactUrl } from './redact-url';

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection the server closes must not take the process down; the next query reports it.
  pool.on('error', () => {});
  // Fail on open, not on first use, with the URL's password hidden.
  const probe = await pool.connect().catch(async (error: Error) => {
    await pool.end().catch(() => {});
    // The driver's own message may quote the connection string.
    throw new RetortError(
      redactUrl(`Cannot connect to ${url}: ${error.message}.`),
      'invalid_input',
    );
  });
  probe.release();
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R>(sql: string, params?: unknown[]) {
      // The extended protocol runs exactly one statement per call: a text that smuggles a
      // second statement past validation is refused by Postgres, not run.
      const config: pg.QueryConfig & { queryMode: 'extended' } = {
        text: sql,
        values: params ?? [],
        queryMode: 'extended',
      };
      const result = await client.query(config);
      return { rows: result.rows as R[] };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  return {
    kind: 'postgres',
    description: redactUrl(url),
    ...on(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
