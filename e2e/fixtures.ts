/**
 * Each test gets its own copy of examples/shop and its own `retort serve` (the real CLI, on a
 * free port) on PGlite or on a fresh database of the real Postgres; both are removed after.
 * The example's first revision (creating the 4 tables) exists and is applied, as in the
 * tutorial after its first `alembic upgrade head`.
 *
 * That state is made once per worker, through the API of a real `retort serve` (the revision
 * created if the example has none, then `upgrade head`): a template project whose embedded
 * PGlite is at head, and on the real server a template database at head. A test copies the
 * template folder and, on the server, creates its database from the template database
 * (`CREATE DATABASE ... TEMPLATE`), so it starts from the same state without the seconds that
 * unpacking a fresh PGlite cluster and upgrading it take.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { copyFolder, scratch, startRetort } from './retort-server';

export interface ServerOptions {
  database: 'pglite' | 'postgres';
}

export interface RetortServer {
  url: string;
  projectDir: string;
  /** Calls the HTTP API directly (setup and assertions that the UI does not show). */
  api<T>(method: string, route: string, body?: unknown): Promise<T>;
}

/** The worker's prepared project (and, on the server, database) that each test copies. */
interface Template {
  projectDir: string;
  /** The template database's name on the real server; null on PGlite. */
  database: string | null;
}

const root = path.resolve(import.meta.dirname, '..');

function apiOf(url: string) {
  return async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${answer.error}`);
    return answer;
  };
}

/** Milliseconds since `start`, for the setup timings each test reports. */
const since = (start: number) => Math.round(performance.now() - start);

export const test = base.extend<{ retort: RetortServer }, ServerOptions & { template: Template }>({
  database: ['pglite', { option: true, scope: 'worker' }],
  template: [
    async ({ database }, use) => {
      const projectDir = await mkdtemp(path.join(scratch, 'retort-e2e-template-'));
      await cp(path.join(root, 'examples/shop'), projectDir, {
        recursive: true,
        filter: (source) => !source.includes(`${path.sep}.retort`),
      });
      let templateDb: { name: string; url: string; drop(): Promise<void> } | null = null;
      try {
        if (database === 'postgres') {
          const { createServerDatabase } = await import('@retort/testing');
          templateDb = await createServerDatabase('retort_e2e_template');
        }
        const server = await startRetort(projectDir, { DATABASE_URL: templateDb?.url ?? '' });
        try {
          const api = apiOf(server.url);
          const { revisions } = await api<{ revisions: unknown[] }>('GET', '/api/revisions');
          if (revisions.length === 0) {
            await api('POST', '/api/revisions', { message: 'create tables' });
          }
          await api('POST', '/api/upgrade', { target: 'head' });
        } finally {
          // Stopped before use: PGlite's folder and a template database must not be open.
          await server.stop();
        }
        await use({ projectDir, database: templateDb?.name ?? null });
      } finally {
        await rm(projectDir, { recursive: true, force: true });
        await templateDb?.drop();
      }
    },
    { scope: 'worker' },
  ],
  retort: async ({ template }, use, info) => {
    let start = performance.now();
    const projectDir = await mkdtemp(path.join(scratch, 'retort-e2e-'));
    await copyFolder(template.projectDir, projectDir);
    const timings = [`copy ${since(start)} ms`];
    let dropDatabase: (() => Promise<void>) | null = null;
    const env: Record<string, string> = { DATABASE_URL: '' };
    try {
      if (template.database) {
        start = performance.now();
        const { createServerDatabase } = await import('@retort/testing');
        const db = await createServerDatabase('retort_e2e', { template: template.database });
        dropDatabase = db.drop;
        env.DATABASE_URL = db.url;
        timings.push(`database ${since(start)} ms`);
      }
      start = performance.now();
      const server = await startRetort(projectDir, env);
      timings.push(`serve ${since(start)} ms`);
      info.annotations.push({ type: 'setup', description: timings.join(', ') });
      try {
        await use({ url: server.url, projectDir, api: apiOf(server.url) });
      } finally {
        await server.stop();
      }
    } finally {
      await rm(projectDir, { recursive: true, force: true });
      if (dropDatabase) await dropDatabase();
    }
  },
  baseURL: async ({ retort }, use) => use(retort.url),
});

export { expect };
