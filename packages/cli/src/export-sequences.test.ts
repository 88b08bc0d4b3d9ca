/**
 * Standalone sequences exported to Alembic build what `retort upgrade head` builds, a
 * downgrade to base leaves none, and a design imported from their pg_dump rebuilds them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Design } from '@retort/core';
import { createServerDatabase, hasPythonTools, serverUrl } from '@retort/testing';
import { compareDumps, dumpObjects, pgDump } from '@retort/testing/pg-dump';
import { sequencesDesign } from '@retort/testing/sequences-design';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { exportedAlembic, revisionsUpgradedAndExported } from './testing/alembic-export';
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
      const dir = mkdtempSync(join(tmpdir(), 'retort-sequences-'));
      const byRetort = await createServerDatabase('retort_sequences');
      const byAlembic = await createServerDatabase('retort_sequences');
      const rebuilt = await createServerDatabase('retort_sequences');
      const imported = mkdtempSync(join(tmpdir(), 'retort-sequences-import-'));
      try {
        const steps: [string, Design][] = [
          ['sequences', sequencesDesign()],
          ['move and own tickets', changed()],
        ];
        await revisionsUpgradedAndExported(dir, steps, byRetort.url);
        const alembic = exportedAlembic(dir, byAlembic.url);
        await alembic('upgrade', 'head');
        const expected = await pgDump(byRetort.url);
        expect(compareDumps(expected, await pgDump(byAlembic.url)).differences).toEqual([]);
        expect([...dumpObjects(expected).keys()]).toEqual(
          expect.arrayContaining([
            'SEQUENCE app.invoice_number_seq',
            'SEQUENCE OWNED BY app.invoice_number_seq',
            'SEQUENCE app.desk_tickets',
            'SEQUENCE OWNED BY app.desk_tickets',
          ]),
        );
        const check = await retort(['check', '--database-url', byRetort.url], { cwd: dir });
        expect(check.stdout).toContain('No drift');

        writeFileSync(join(imported, 'dump.sql'), await pgDump(byRetort.url));
        const read = await retort(['import', '--sql', 'dump.sql'], { cwd: imported });
        expect(read.code).toBe(0);
        const design = JSON.parse(readFileSync(join(imported, 'design.json'), 'utf8'));
        expect(design.sequences.map((s: { name: string }) => s.name)).toEqual([
          'desk_tickets',
          'invoice_number_seq',
        ]);
        const up = await retort(['upgrade', 'head', '--database-url', rebuilt.url], {
          cwd: imported,
        });
        expect(up.code).toBe(0);
        expect(compareDumps(expected, await pgDump(rebuilt.url)).differences).toEqual([]);

        await alembic('downgrade', 'base');
        const client = new pg.Client({ connectionString: byAlembic.url });
        await client.connect();
        try {
          const left = await client.query(`SELECT relname FROM pg_class WHERE relkind = 'S'`);
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
