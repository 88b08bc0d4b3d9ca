import type { Design } from '@retort/core';
import { hasPythonTools, serverUrl } from '@retort/testing';
import { dumpObjects } from '@retort/testing/pg-dump';
import { userTypesDesign } from '@retort/testing/user-types-design';
import { describe, expect, test } from 'vitest';
import { importedAndRebuilt, queryRows, withAlembicBuild } from './testing/alembic-export';
import { retort } from './testing/retort-process';

function changed(): Design {
  const d = structuredClone(userTypesDesign({ extension: true }));
  const cents = d.domains!.find((x) => x.id === 'd_cents')!;
  cents.checks.push({ id: 'ck_small', name: 'small', expression: 'VALUE < 100000000' });
  const mood = d.domains!.find((x) => x.id === 'd_good_mood')!;
  mood.default = { sql: "'ok'" };
  mood.notNull = true;
  const address = d.compositeTypes!.find((x) => x.id === 'ct_address')!;
  address.attributes = [
    { name: 'street', type: 'text' },
    { name: 'city', type: 'text', collation: 'C' },
    { name: 'country', type: 'char(2)' },
  ];
  return d;
}

describe.runIf(serverUrl() !== null && hasPythonTools())(
  'domains, composite types and extensions exported to Alembic',
  () => {
    test('upgrade head under the real Alembic gives retort upgrade head’s pg_dump; downgrade base leaves none; import rebuilds it', async () => {
      const steps: [string, Design][] = [
        ['types', userTypesDesign({ extension: true })],
        ['tighten types', changed()],
      ];
      await withAlembicBuild(
        'user-types',
        steps,
        async ({ dir, dump, byRetort, byAlembic, alembic }) => {
          expect([...dumpObjects(dump).keys()]).toEqual(
            expect.arrayContaining([
              'EXTENSION citext',
              'DOMAIN app.positive_cents',
              'DOMAIN public.good_mood',
              'TYPE app.postal_address',
            ]),
          );
          const check = await retort(['check', '--database-url', byRetort.url], { cwd: dir });
          expect(check.stdout).toContain('No drift');

          // Imported from its pg_dump, through PGlite with the citext it ships.
          const design = await importedAndRebuilt('user-types', dump);
          expect(design.extensions).toEqual([{ name: 'citext' }]);

          await alembic('downgrade', 'base');
          const left = await queryRows(
            byAlembic.url,
            `SELECT t.typname AS name FROM pg_type t
            WHERE t.typnamespace IN ('public'::regnamespace)
              AND t.typtype IN ('d', 'c', 'e') AND t.typrelid = 0
           UNION ALL SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`,
          );
          expect(left).toEqual([]);
        },
      );
    }, 300_000);
  },
);
