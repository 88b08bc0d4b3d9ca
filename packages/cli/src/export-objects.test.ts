import type { Design } from '@retort/core';
import { hasPythonTools, serverUrl } from '@retort/testing';
import {
  disabledAndRenamed,
  eventTriggerDesign,
  retagged,
} from '@retort/testing/event-trigger-design';
import { appended, objectsDesign, reshaped, widened } from '@retort/testing/objects-design';
import { dumpObjects } from '@retort/testing/pg-dump';
import { describe, expect, test } from 'vitest';
import { queryRows, withAlembicBuild } from './testing/alembic-export';

describe.runIf(serverUrl() !== null && hasPythonTools())(
  'the objects design exported to Alembic',
  () => {
    test('upgrade head under the real Alembic gives retort upgrade head’s pg_dump; downgrade base leaves only alembic_version', async () => {
      const steps: [string, Design][] = [
        ['ledger', objectsDesign()],
        ['widen balances', widened(objectsDesign())],
        ['reshape views', reshaped(widened(objectsDesign()))],
        ['append a column', appended(reshaped(widened(objectsDesign())))],
      ];
      await withAlembicBuild('objects', steps, async ({ dump, byAlembic, alembic }) => {
        expect([...dumpObjects(dump).keys()]).toEqual(
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
        const left = await queryRows(
          byAlembic.url,
          `SELECT 'relation' AS kind, relname AS name FROM pg_class
           WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'v', 'm', 'p')
         UNION ALL
         SELECT 'routine', proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
         ORDER BY 1, 2`,
        );
        expect(left).toEqual([{ kind: 'relation', name: 'alembic_version' }]);
      });
    }, 300_000);

    test('an event trigger created, disabled and renamed, then retagged: Alembic builds what retort upgrade builds, and downgrade base removes it', async () => {
      const steps: [string, Design][] = [
        ['note ddl', eventTriggerDesign()],
        ['disable', disabledAndRenamed()],
        ['create table only', retagged()],
      ];
      await withAlembicBuild('event-trigger', steps, async ({ dump, byAlembic, alembic }) => {
        expect(dumpObjects(dump).get('EVENT TRIGGER table_ddl')).toBe(
          "CREATE EVENT TRIGGER table_ddl ON ddl_command_end\n         WHEN TAG IN ('CREATE TABLE')\n   EXECUTE FUNCTION public.note_ddl();\nALTER EVENT TRIGGER table_ddl DISABLE;",
        );

        await alembic('downgrade', 'base');
        const left = await queryRows(
          byAlembic.url,
          `SELECT evtname FROM pg_event_trigger
           UNION ALL SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace`,
        );
        expect(left).toEqual([]);
      });
    }, 300_000);
  },
);
