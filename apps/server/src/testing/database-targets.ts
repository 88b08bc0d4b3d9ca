/**
 * Test support: the databases every server test runs on (`databaseTargets()` from
 * @retort/testing: PGlite always, the real server when TEST_DATABASE_URL is set). The server
 * opens its database itself, so a target yields a URL (none: the project's embedded PGlite)
 * rather than an open handle.
 */
import { createServerDatabase } from '@retort/testing';
import { databaseTargets, type DatabaseTarget as TargetName } from '@retort/testing/databases';

export interface DatabaseTarget {
  name: TargetName;
  /** Creates the database; returns its URL (none for PGlite) and how to drop it. */
  create(): Promise<{ url: string | undefined; drop(): Promise<void> }>;
}

export function serverTestTargets(): DatabaseTarget[] {
  return databaseTargets().map((name) => ({
    name,
    create: async () => {
      if (name === 'pglite') return { url: undefined, drop: async () => {} };
      const db = await createServerDatabase('retort_server');
      return { url: db.url, drop: db.drop };
    },
  }));
}
