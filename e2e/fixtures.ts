/**
 * Each test gets its own copy of examples/shop and its own `retort serve` (the real CLI, on a
 * free port) on PGlite or on a fresh database of the real Postgres; both are removed after.
 * The example's first revision (creating the 4 tables) exists and is applied, as in the
 * tutorial after its first `alembic upgrade head`.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startRetort } from './retort-server';

export interface ServerOptions {
  database: 'pglite' | 'postgres';
}

export interface RetortServer {
  url: string;
  projectDir: string;
  /** Calls the HTTP API directly (setup and assertions that the UI does not show). */
  api<T>(method: string, route: string, body?: unknown): Promise<T>;
}

const root = path.resolve(import.meta.dirname, '..');

export const test = base.extend<ServerOptions & { retort: RetortServer }>({
  database: ['pglite', { option: true }],
  retort: async ({ database }, use) => {
    const projectDir = await mkdtemp(path.join(tmpdir(), 'retort-e2e-'));
    await cp(path.join(root, 'examples/shop'), projectDir, {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}.retort`),
    });
    let dropDatabase: (() => Promise<void>) | null = null;
    const env: Record<string, string> = { DATABASE_URL: '' };
    if (database === 'postgres') {
      const { createServerDatabase } = await import('@retort/testing');
      const db = await createServerDatabase('retort_e2e');
      dropDatabase = db.drop;
      env.DATABASE_URL = db.url;
    }
    const server = await startRetort(projectDir, env);
    const api = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${server.url}${route}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer = (await response.json()) as T & { error?: string };
      if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${answer.error}`);
      return answer;
    };
    try {
      const { revisions } = await api<{ revisions: unknown[] }>('GET', '/api/revisions');
      if (revisions.length === 0) {
        await api('POST', '/api/revisions', { message: 'create tables' });
      }
      await api('POST', '/api/upgrade', { target: 'head' });
      await use({ url: server.url, projectDir, api });
    } finally {
      await server.stop();
      await rm(projectDir, { recursive: true, force: true });
      if (dropDatabase) await dropDatabase();
    }
  },
  baseURL: async ({ retort }, use) => use(retort.url),
});

export { expect };
