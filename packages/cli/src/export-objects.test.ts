/**
 * The objects design (two stacked views, a policy calling a function, row-level security, a
 * trigger) through four revisions: created, columns widened under its views and policy,
 * views replaced and renamed, a view appending a column. Exported as an Alembic project and
 * run by the real Alembic, upgrade head gives the pg_dump `retort upgrade head` gives, and
 * downgrade base leaves only alembic_version.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Design } from '@retort/core';
import { createServerDatabase, hasPythonTools, PYTHON, serverUrl } from '@retort/testing';
import { appended, objectsDesign, reshaped, widened } from '@retort/testing/objects-design';
import { compareDumps, dumpObjects, pgDump } from '@retort/testing/pg-dump';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { retort } from './testing/retort-process';

describe.runIf(serverUrl() !== null && hasPythonTools())(
  'the objects design exported to Alembic',
  () => {
    test('upgrade head under the real Alembic gives retort upgrade head’s pg_dump; downgrade base leaves only alembic_version', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'retort-objects-'));
      const byRetort = await createServerDatabase('retort_objects');
      const byAlembic = await createServerDatabase('retort_objects');
      try {
        const steps: [string, Design][] = [
          ['ledger', objectsDesign()],
          ['widen balances', widened(objectsDesign())],
          ['reshape views', reshaped(widened(objectsDesign()))],
          ['append a column', appended(reshaped(widened(objectsDesign())))],
        ];
        for (const [message, design] of steps) {
          writeFileSync(join(dir, 'design.json'), JSON.stringify(design));
          const made = await retort(['revision', '-m', message], { cwd: dir });
          expect(made.stderr).toBe('');
          expect(made.code).toBe(0);
        }
        const up = await retort(['upgrade', 'head', '--database-url', byRetort.url], { cwd: dir });
        expect(up.code).toBe(0);
        expect((await retort(['export', 'alembic', 'alembic'], { cwd: dir })).code).toBe(0);
        const alembic = (...args: string[]) =>
          promisify(execFile)(PYTHON, ['-m', 'alembic', ...args], {
            cwd: join(dir, 'alembic'),
            env: { ...process.env, DATABASE_URL: byAlembic.url },
          });
        await alembic('upgrade', 'head');
        const expected = await pgDump(byRetort.url);
        const comparison = compareDumps(expected, await pgDump(byAlembic.url));
        expect(comparison.differences).toEqual([]);
        expect([...dumpObjects(expected).keys()]).toEqual(
          expect.arrayContaining([
            'FUNCTION public.current_owner()',
            'FUNCTION public.touch_row()',
            'VIEW public.rich_accounts',
            'VIEW public.top_accounts',
            'ROW SECURITY public.accounts',
            'POLICY public.accounts accounts_owner',
            'TRIGGER public.accounts accounts_touch',
          ]),
        );

        await alembic('downgrade', 'base');
        const client = new pg.Client({ connectionString: byAlembic.url });
        await client.connect();
        try {
          const left = await client.query<{ kind: string; name: string }>(
            `SELECT 'relation' AS kind, relname AS name FROM pg_class
             WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'v', 'm', 'p')
           UNION ALL
           SELECT 'routine', proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
           ORDER BY 1, 2`,
          );
          expect(left.rows).toEqual([{ kind: 'relation', name: 'alembic_version' }]);
        } finally {
          await client.end();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await byRetort.drop();
        await byAlembic.drop();
      }
    }, 300_000);
  },
);
