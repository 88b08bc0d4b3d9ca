import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Design } from '@retort/core';
import { createServerDatabase, hasPythonTools, serverUrl } from '@retort/testing';
import { compareDumps, dumpObjects, pgDump } from '@retort/testing/pg-dump';
import { userTypesDesign } from '@retort/testing/user-types-design';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { exportedAlembic, revisionsUpgradedAndExported } from './testing/alembic-export';
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
      const dir = mkdtempSync(join(tmpdir(), 'retort-user-types-'));
      const byRetort = await createServerDatabase('retort_user_types');
      const byAlembic = await createServerDatabase('retort_user_types');
      const rebuilt = await createServerDatabase('retort_user_types');
      const imported = mkdtempSync(join(tmpdir(), 'retort-user-types-import-'));
      try {
        const steps: [string, Design][] = [
          ['types', userTypesDesign({ extension: true })],
          ['tighten types', changed()],
        ];
        await revisionsUpgradedAndExported(dir, steps, byRetort.url);
        const alembic = exportedAlembic(dir, byAlembic.url);
        await alembic('upgrade', 'head');
        const expected = await pgDump(byRetort.url);
        expect(compareDumps(expected, await pgDump(byAlembic.url)).differences).toEqual([]);
        expect([...dumpObjects(expected).keys()]).toEqual(
          expect.arrayContaining([
            'EXTENSION citext',
            'DOMAIN app.positive_cents',
            'DOMAIN public.good_mood',
            'TYPE app.postal_address',
          ]),
        );
        const check = await retort(['check', '--database-url', byRetort.url], { cwd: dir });
        expect(check.stdout).toContain('No drift');

        // Imported back and rebuilt from Retort's SQL, pg_dump prints the same objects.
        // From its pg_dump, through PGlite with the citext it ships.
        writeFileSync(join(imported, 'dump.sql'), await pgDump(byRetort.url));
        const read = await retort(['import', '--sql', 'dump.sql'], { cwd: imported });
        expect(read.code).toBe(0);
        const design = JSON.parse(readFileSync(join(imported, 'design.json'), 'utf8'));
        expect(design.extensions).toEqual([{ name: 'citext' }]);
        const up2 = await retort(['upgrade', 'head', '--database-url', rebuilt.url], {
          cwd: imported,
        });
        expect(up2.code).toBe(0);
        const comparison = compareDumps(expected, await pgDump(rebuilt.url));
        expect(comparison.differences).toEqual([]);

        await alembic('downgrade', 'base');
        const client = new pg.Client({ connectionString: byAlembic.url });
        await client.connect();
        try {
          const left = await client.query<{ name: string }>(
            `SELECT t.typname AS name FROM pg_type t
              WHERE t.typnamespace IN ('public'::regnamespace)
                AND t.typtype IN ('d', 'c', 'e') AND t.typrelid = 0
             UNION ALL SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`,
          );
          expect(left.rows).toEqual([]);
        } finally {
          await client.end();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(imported, { recursive: true, force: true });
        await byRetort.drop();
        await byAlembic.drop();
        await rebuilt.drop();
      }
    }, 300_000);
  },
);
