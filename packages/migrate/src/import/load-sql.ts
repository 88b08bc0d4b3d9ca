/**
 * Reading a SQL file through a real Postgres: in-memory PGlite with the contrib extensions
 * the file creates (or, given a server, a scratch database there: load-sql-server.ts).
 * The session settings a dump makes (pg_dump empties `search_path`) are reset before the
 * schema is read, so names come back as they would on any connection.
 */
import type { Extension, Extensions } from '@electric-sql/pglite';
import { RetortError } from '@retort/core';
import type { Introspection, IntrospectOptions, Queryable } from '../contract';
import { createMemoryPglite } from '../drivers/fresh-cluster';
import { introspectDatabase } from '../introspect/introspect';
import type { DumpScript } from './dump-script';

export async function introspectSqlOnPglite(
  script: DumpScript,
  options: IntrospectOptions = {},
): Promise<Introspection> {
  const extensions: Extensions = {};
  for (const name of script.extensions) extensions[name] = await contribExtension(name);
  const db = await createMemoryPglite(extensions);
  try {
    await runScript(() => db.exec(script.sql));
    await db.exec('RESET ALL');
    const queryable: Queryable = {
      async query<R>(sql: string, params?: unknown[]) {
        return { rows: (await db.query<R>(sql, params)).rows };
      },
      async exec(sql: string) {
        await db.exec(sql);
      },
    };
    return await introspectDatabase(queryable, options);
  } finally {
    await db.close();
  }
}

/** PGlite ships Postgres' contrib extensions as `@electric-sql/pglite/contrib/<name>`. */
async function contribExtension(name: string): Promise<Extension> {
  const module = name.replaceAll('-', '_');
  if (/^[a-z0-9_]+$/.test(module)) {
    const loaded = (await import(`@electric-sql/pglite/contrib/${module}`).catch(
      () => null,
    )) as Record<string, Extension> | null;
    if (loaded?.[module]) return loaded[module];
  }
  throw new RetortError(
    `The SQL creates the extension ${name}, which the embedded PGlite does not have; import it with --database-url to load the file on a PostgreSQL server that has it.`,
    'invalid_input',
    { extension: name },
  );
}

export async function runScript(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new RetortError(`The SQL does not run on Postgres: ${why}.`, 'invalid_input', {
      postgresMessage: why,
    });
  }
}
