/**
 * Test support: the databases every server test runs on: the embedded PGlite always, and a
 * fresh database on the real server when TEST_DATABASE_URL is set.
 */
import { createServerDatabase, serverUrl } from '@retort/testing';

export interface DatabaseTarget {
  name: 'pglite' | 'postgres';
  /** Creates the database; returns its URL (none for PGlite) and how to drop it. */
  create(): Promise<{ url: string | undefined; drop(): Promise<void> }>;
}

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [
    { name: 'pglite', create: async () => ({ url: undefined, drop: async () => {} }) },
  ];
  if (serverUrl()) {
    targets.push({
      name: 'postgres',
      create: async () => {
        const db = await createServerDatabase('retort_server');
        return { url: db.url, drop: db.drop };
      },
    });
  }
  return targets;
}
