/**
 * Test support for sql/database.test.ts and sql/database-server.test.ts, the same claim on PGlite and
 * on the server: after `emitSql(a)`, the upgrade of `diff(a, b)` builds the schema
 * `emitSql(b)` builds fresh, and the downgrade gives back the schema of `a`.
 */
import { type Design, diff } from '@retort/core';
import { arbDesignPair } from '@retort/testing/arbitraries';
import fc from 'fast-check';
import { expect } from 'vitest';
import { emitSql } from '../sql/emit';
import { renderMigrationSql } from '../sql/render';

const RESET = 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;';

export interface RoundTripDatabase {
  /** Runs one SQL text (one statement, or several for a fresh schema). */
  exec(sql: string): Promise<unknown>;
  /** The schema as the database reports it, comparable with `toEqual`. */
  catalog(): Promise<unknown>;
}

export async function checkMigrationRoundTrip(db: RoundTripDatabase, seed: number): Promise<void> {
  // Shrinking would replay whole databases; a failure is reported as found.
  const runs = { numRuns: Number(process.env.RETORT_DB_RUNS ?? 200), seed, endOnFailure: true };
  const run = async (statements: string[]) => {
    for (const statement of statements) await db.exec(statement);
  };
  const fresh = async (design: Design) => {
    await db.exec(RESET);
    await db.exec(emitSql(design));
    return db.catalog();
  };
  await fc.assert(
    fc.asyncProperty(arbDesignPair(), async ({ a, b }) => {
      const expectedB = await fresh(b);
      const expectedA = await fresh(a);
      const sql = renderMigrationSql(diff(a, b));
      await run(sql.upgrade);
      expect(await db.catalog()).toEqual(expectedB);
      await run(sql.downgrade);
      expect(await db.catalog()).toEqual(expectedA);
    }),
    runs,
  );
}
