/**
 * The databases a database test runs on: PGlite always, the real server when
 * TEST_DATABASE_URL is set. Each test gets a fresh one and it is always dropped.
 */
import { type Database, openDatabase } from '@retort/migrate';
import { createServerDatabase, serverUrl } from './index';

export type DatabaseTarget = 'pglite' | 'postgres';

export function databaseTargets(): DatabaseTarget[] {
  return serverUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

/** `fn` gets an open database and, on the server, its URL (null for PGlite). */
export async function withTestDatabase(
  kind: DatabaseTarget,
  fn: (db: Database, url: string | null) => Promise<void>,
): Promise<void> {
  if (kind === 'pglite') {
    const db = await openDatabase({ memory: true });
    try {
      await fn(db, null);
    } finally {
      await db.close();
    }
    return;
  }
  const server = await createServerDatabase('retort_migrate');
  try {
    const db = await openDatabase({ url: server.url });
    try {
      await fn(db, server.url);
    } finally {
      await db.close();
    }
  } finally {
    await server.drop();
  }
}
