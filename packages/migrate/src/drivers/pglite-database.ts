/**
 * PGlite: a real Postgres compiled to WebAssembly. A data folder may be opened by one
 * instance only, so instances are shared per folder within the process and closed when the
 * last user closes.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from '../contract';
import { createFolderPglite, createMemoryPglite } from './fresh-cluster';

interface Shared {
  instance: Promise<PGlite>;
  users: number;
}

const open = new Map<string, Shared>();

export async function openPglite(dataDir: string | null): Promise<Database> {
  let shared: Shared;
  if (dataDir === null) {
    shared = { instance: createMemoryPglite(), users: 1 };
  } else {
    const existing = open.get(dataDir);
    if (existing) {
      existing.users++;
      shared = existing;
    } else {
      shared = { instance: createFolderPglite(dataDir), users: 1 };
      open.set(dataDir, shared);
    }
  }
  let pg: PGlite;
  try {
    pg = await shared.instance;
  } catch (error) {
    if (dataDir !== null) open.delete(dataDir);
    throw error;
  }
  let closed = false;
  const on = (client: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<R>(sql: string, params?: unknown[]) {
      // PGlite's query is the extended protocol: one statement per call.
      const result = await client.query<R>(sql, params);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await client.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    description: dataDir ?? 'PGlite in memory',
    ...on(pg),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => pg.transaction((tx) => fn(on(tx))),
    async close() {
      if (closed) return;
      closed = true;
      shared.users--;
      if (shared.users > 0) return;
      if (dataDir !== null) open.delete(dataDir);
      await pg.close();
    },
  };
}
