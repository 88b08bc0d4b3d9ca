/**
 * What one server holds for its whole life: the project and ONE database handle (PGlite
 * cannot be opened twice), plus the guard that lets a single upgrade/downgrade run at a time.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RetortError } from '@retort/core';
import {
  type Database,
  type DesignState,
  openDatabase,
  openProject,
  type Project,
} from '@retort/migrate';

/** Changes whenever the file is replaced or written (an atomic save renames a new inode in). */
async function fileKey(path: string): Promise<string | null> {
  try {
    const info = await stat(path, { bigint: true });
    return `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
  } catch {
    return null;
  }
}

export interface Workspace {
  readonly projectDir: string;
  project(): Promise<Project>;
  /**
   * The project's design and version, re-read only when design.json changed on disk
   * (its size, inode or timestamps), so a large design is not parsed again per request.
   */
  design(): Promise<DesignState>;
  database(): Promise<Database>;
  /** Runs `fn` unless another exclusive run is in progress, which is refused at once. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function createWorkspace(projectDir: string, databaseUrl?: string): Workspace {
  let project: Promise<Project> | undefined;
  let database: Promise<Database> | undefined;
  let running = false;
  let cached: { key: string; state: DesignState } | undefined;
  let closed = false;
  return {
    projectDir,
    project() {
      project ??= Promise.resolve(openProject(projectDir));
      return project;
    },
    async design() {
      const project = await this.project();
      const key = await fileKey(join(project.dir, 'design.json'));
      if (key !== null && cached?.key === key) return cached.state;
      const state = await project.readDesign();
      cached = key === null ? undefined : { key, state };
      return state;
    },
    database() {
      if (closed) throw new RetortError('The server is shutting down.', 'conflict');
      if (database) return database;
      const opening = openDatabase({ url: databaseUrl, projectDir });
      // A failed open is retried on the next request instead of being remembered forever.
      opening.catch(() => {
        if (database === opening) database = undefined;
      });
      database = opening;
      return opening;
    },
    async exclusive(fn) {
      if (running) {
        throw new RetortError(
          'Another upgrade or downgrade is already running; try again when it has finished.',
          'conflict',
        );
      }
      running = true;
      try {
        return await fn();
      } finally {
        running = false;
      }
    },
    async close() {
      closed = true;
      const open = database;
      database = undefined;
      if (open) await (await open.catch(() => null))?.close();
    },
  };
}
