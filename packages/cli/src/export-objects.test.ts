import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Design } from '@retort/core';
import { createServerDatabase, hasPythonTools, serverUrl } from '@retort/testing';
import {
  disabledAndRenamed,
  eventTriggerDesign,
  retagged,
} from '@retort/testing/event-trigger-design';
import { appended, objectsDesign, reshaped, widened } from '@retort/testing/objects-design';
import { compareDumps, dumpObjects, pgDump } from '@retort/testing/pg-dump';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { exportedAlembic, revisionsUpgradedAndExported } from './testing/alembic-export';

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
        await revisionsUpgradedAndExported(dir, steps, byRetort.url);
        const alembic = exportedAlembic(dir, byAlembic.url);
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

    test('an event trigger created, disabled and renamed, then retagged: Alembic builds what retort upgrade builds, and downgrade base removes it', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'retort-event-trigger-'));
      const byRetort = await createServerDatabase('retort_objects');
      const byAlembic = await createServerDatabase('retort_objects');
      try {
        await revisionsUpgradedAndExported(
          dir,
          [
            ['note ddl', eventTriggerDesign()],
            ['disable', disabledAndRenamed()],
            ['create table only', retagged()],
          ],
          byRetort.url,
        );
        const alembic = exportedAlembic(dir, byAlembic.url);
        await alembic('upgrade', 'head');
        const expected = await pgDump(byRetort.url);
        expect(compareDumps(expected, await pgDump(byAlembic.url)).differences).toEqual([]);
        expect(dumpObjects(expected).get('EVENT TRIGGER table_ddl')).toBe(
          "CREATE EVENT TRIGGER table_ddl ON ddl_command_end\n         WHEN TAG IN ('CREATE TABLE')\n   EXECUTE FUNCTION public.note_ddl();\nALTER EVENT TRIGGER table_ddl DISABLE;",
        );

        await alembic('downgrade', 'base');
        const client = new pg.Client({ connectionString: byAlembic.url });
        await client.connect();
        try {
          const left = await client.query(
            `SELECT evtname FROM pg_event_trigger
             UNION ALL SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace`,
          );
          expect(left.rows).toEqual([]);
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
