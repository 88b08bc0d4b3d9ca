/**
 * The project folder and database every command works on, from `--project`, `--database-url`
 * and the environment. The migration library (and with it pg and PGlite) is loaded only by
 * the commands that need it, so `retort models` and `--help` start quickly.
 */
import { resolve } from 'node:path';
import type { Database, ProjectStore } from '@retort/migrate';
import type { Io } from './io';

export interface CommonOptions {
  project?: string;
  databaseUrl?: string;
}

export function projectDir(options: CommonOptions, io: Io): string {
  return resolve(io.cwd, options.project ?? '.');
}

/** `--database-url`, else `DATABASE_URL`, else the project's embedded PGlite. */
export function databaseUrl(options: CommonOptions, io: Io): string | undefined {
  return options.databaseUrl ?? (io.env.DATABASE_URL || undefined);
}

export async function loadProject(options: CommonOptions, io: Io): Promise<ProjectStore> {
  const { openProject } = await import('@retort/migrate');
  return openProject(projectDir(options, io));
}

/** Opens the database for one command and always closes it (PGlite keeps a lock while open). */
export async function withDatabase<T>(
  options: CommonOptions,
  io: Io,
  fn: (db: Database) => Promise<T>,
): Promise<T> {
  const { openDatabase } = await import('@retort/migrate');
  const db = await openDatabase({
    url: databaseUrl(options, io),
    projectDir: projectDir(options, io),
  });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
