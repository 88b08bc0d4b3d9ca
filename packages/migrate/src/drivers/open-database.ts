/** One `Database` for both drivers: `pg` when a URL is given, else PGlite. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { RetortError } from '@retort/core';
import type { Database, OpenDatabaseOptions } from '../contract';

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  // Each driver is loaded by the first command that opens it, so the others start without it.
  if (options.url) return (await import('./postgres-database')).openPostgres(options.url);
  const { openPglite } = await import('./pglite-database');
  if (options.memory) return openPglite(null);
  if (!options.projectDir) {
    throw new RetortError(
      'No database: give a database URL, a project folder or ask for an in-memory one.',
      'invalid_input',
    );
  }
  const retortDir = join(resolve(options.projectDir), '.retort');
  await mkdir(join(retortDir, 'pglite'), { recursive: true });
  // The embedded database is local state, never something to commit.
  await writeFile(join(retortDir, '.gitignore'), '*\n');
  return openPglite(join(retortDir, 'pglite'));
}
