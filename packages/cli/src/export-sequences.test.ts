/**
 * Standalone sequences exported to Alembic build what `retort upgrade head` builds, a
 * downgrade to base leaves none, and a design imported from their pg_dump rebuilds them.
 */
import type { Design } from '@retort/core';
import { hasPythonTools, serverUrl } from '@retort/testing';
import { dumpObjects } from '@retort/testing/pg-dump';
import { sequencesDesign } from '@retort/testing/sequences-design';
import { describe, expect, test } from 'vitest';
import { importedAndRebuilt, queryRows, withAlembicBuild } from './testing/alembic-export';
import { retort } from './testing/retort-process';

/** Options changed, one sequence renamed and moved, owned by a new column. */
function changed(): Design {
  const d = structuredClone(sequencesDesign());
  const tickets = d.sequences!.find((s) => s.id === 's_tickets')!;
  Object.assign(tickets, { name: 'desk_tickets', schema: 'app', cache: '1', cycle: false });
  const invoices = d.tables[0]!;
  invoices.columns[1]!.default = { sql: "nextval('app.desk_tickets'::regclass)" };
  invoices.columns.push({
    id: 'c_batch',
    name: 'batch',
    type: 'bigint',
    nullable: true,
    primaryKey: false,
    autoincrement: false,
    unique: false,
    default: null,
    comment: null,
  });
  tickets.ownedBy = { table: 't_invoices', column: 'c_batch' };
  return d;
}

describe.runIf(serverUrl() !== null && hasPythonTools())(
  'standalone sequences exported to Alembic',
  () => {
    test('upgrade head under the real Alembic gives retort upgrade head’s pg_dump; downgrade base leaves none; import rebuilds it', async () => {
      const steps: [string, Design][] = [
        ['sequences', sequencesDesign()],
        ['move and own tickets', changed()],
      ];
      await withAlembicBuild(
        'sequences',
        steps,
        async ({ dir, dump, byRetort, byAlembic, alembic }) => {
          expect([...dumpObjects(dump).keys()]).toEqual(
            expect.arrayContaining([
              'SEQUENCE app.invoice_number_seq',
              'SEQUENCE OWNED BY app.invoice_number_seq',
              'SEQUENCE app.desk_tickets',
              'SEQUENCE OWNED BY app.desk_tickets',
            ]),
          );
          const check = await retort(['check', '--database-url', byRetort.url], { cwd: dir });
          expect(check.stdout).toContain('No drift');

          const design = await importedAndRebuilt('sequences', dump);
          expect(design.sequences?.map((s) => s.name)).toEqual([
            'desk_tickets',
            'invoice_number_seq',
          ]);

          await alembic('downgrade', 'base');
          expect(
            await queryRows(byAlembic.url, `SELECT relname FROM pg_class WHERE relkind = 'S'`),
          ).toEqual([]);
        },
      );
    }, 300_000);
  },
);
