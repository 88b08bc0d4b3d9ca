/**
 * Partitions on a real Postgres (PGlite and the server): Retort's SQL builds a partitioned
 * table of each strategy with its partitions; introspection reads back the design's catalog,
 * the copies Postgres makes on each partition (columns, keys, indexes) being the parent's;
 * detach and attach, new partitions, dropped ones and new keys run both ways.
 */
import { renderMigrationSql } from '@retort/codegen';
import { type Design, describeCatalogDifferences, diff, toCatalog } from '@retort/core';
import { createServerDatabase, serverUrl } from '@retort/testing';
import { partitionsDesign } from '@retort/testing/partitions-design';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../contract';
import { openDatabase } from '../drivers/open-database';
import { preflight } from '../preflight/preflight';
import { expectStepBothWays } from '../testing/step-round-trip';
import { designFromCatalog } from './design-from-catalog';
import { introspect, introspectDatabase } from './introspect';

const empty = (d: Design): Design => ({ ...d, enums: [], tables: [] });

function edited(edit: (d: Design) => void): Design {
  const d = structuredClone(partitionsDesign());
  edit(d);
  return d;
}
const table = (d: Design, id: string) => d.tables.find((t) => t.id === id)!;

const CHANGES: Array<[string, (d: Design) => void]> = [
  [
    'a new bound: detach and attach',
    (d) => {
      table(d, 't_tickets_am').partitionBound = "FOR VALUES IN ('ca', 'mx', 'us')";
    },
  ],
  [
    'a new partition and a dropped one',
    (d) => {
      d.tables = d.tables.filter((t) => t.id !== 't_readings_other');
      d.tables.push({
        ...table(d, 't_readings_2026'),
        id: 't_readings_2027',
        name: 'readings_2027',
        partitionBound: "FOR VALUES FROM ('2027-01-01') TO ('2028-01-01')",
      });
    },
  ],
  [
    'a new partition key',
    (d) => {
      table(d, 't_sessions').partitionBy = { strategy: 'HASH', key: 'HASH (token)' };
    },
  ],
  [
    'a renamed key column',
    (d) => {
      const tickets = table(d, 't_tickets');
      tickets.columns[1]!.name = 'Area';
      tickets.partitionBy = { strategy: 'LIST', key: 'LIST ("Area")' };
    },
  ],
  [
    'a column and an index on a parent',
    (d) => {
      const tickets = table(d, 't_tickets');
      tickets.columns.push({ ...tickets.columns[1]!, id: 'c_tickets_note', name: 'note' });
      tickets.indexes.push({
        id: 'ix_tickets_note',
        name: null,
        columns: ['c_tickets_note'],
        unique: false,
        method: 'btree',
        keys: null,
        include: [],
        where: null,
        nullsNotDistinct: false,
        comment: null,
      });
    },
  ],
];

for (const kind of ['pglite', 'server'] as const) {
  describe.runIf(kind === 'pglite' || serverUrl() !== null)(`partitions on ${kind}`, () => {
    let db: Database;
    let drop: () => Promise<void> = async () => {};
    beforeAll(async () => {
      if (kind === 'pglite') db = await openDatabase({ memory: true });
      else {
        const server = await createServerDatabase('retort_partitions');
        db = await openDatabase({ url: server.url });
        drop = server.drop;
      }
    });
    afterAll(async () => {
      await db.close();
      await drop();
    });

    it('Retort SQL builds them; introspection reads back the catalog and the design; rows go where their bound says', async () => {
      const design = partitionsDesign();
      const sql = renderMigrationSql(diff(empty(design), design));
      for (const s of sql.upgrade) await db.exec(s);
      try {
        const read = await introspectDatabase(db);
        expect(read.unmodelled).toEqual([]);
        expect(describeCatalogDifferences(toCatalog(design), read.catalog)).toEqual([]);
        const imported = designFromCatalog(read.catalog, 'partitions');
        expect(toCatalog(imported)).toEqual(read.catalog);
        expect(imported.tables.find((t) => t.name === 'readings_2026')).toMatchObject({
          partitionOf: 't_readings',
          partitionBound: "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
          columns: [],
        });
        await db.exec('INSERT INTO devices VALUES (1)');
        await db.exec(
          "INSERT INTO readings VALUES (1, '2026-05-01', 1, 3), (2, '2030-01-01', 1, 4)",
        );
        const rows = await db.query<{ t: string; n: number }>(
          'SELECT tableoid::regclass::text AS t, count(*)::int AS n FROM readings GROUP BY 1 ORDER BY 1',
        );
        expect(rows.rows).toEqual([
          { t: 'readings_2026', n: 1 },
          { t: 'readings_other', n: 1 },
        ]);
        await db.exec('DELETE FROM readings');
        await db.exec('DELETE FROM devices');
      } finally {
        for (const s of sql.downgrade) await db.exec(s);
      }
      expect(await introspect(db)).toEqual({ enums: [], tables: [] });
    });

    it('lists what a partition has of its own', async () => {
      const design = partitionsDesign();
      const sql = renderMigrationSql(diff(empty(design), design));
      for (const s of sql.upgrade) await db.exec(s);
      try {
        await db.exec('CREATE INDEX sessions_0_own ON sessions_0 (token)');
        await db.exec('ALTER TABLE sessions_1 ALTER COLUMN token SET NOT NULL');
        await db.exec('ALTER TABLE readings_2026 ADD CONSTRAINT own_check CHECK (value < 100)');
        await db.exec('ALTER INDEX readings_2026_device_id_idx RENAME TO readings_2026_dev');
        const read = await introspectDatabase(db);
        expect(read.unmodelled.map((u) => `${u.kind} ${u.name}: ${u.why}`)).toEqual([
          'constraint public.readings_2026.own_check: constraint of a partition alone, not of its parent',
          "index public.readings_2026_dev: named other than Postgres names a partition's copy of its parent's index (readings_2026_device_id_idx)",
          'index public.sessions_0_own: index of a partition alone, not of its parent',
          "column public.sessions_1.token: NOT NULL of its own, not its parent's",
        ]);
      } finally {
        for (const s of sql.downgrade) await db.exec(s);
      }
    });

    it('preflight counts the rows a detached partition takes out of its parent', async () => {
      const design = partitionsDesign();
      const sql = renderMigrationSql(diff(empty(design), design));
      for (const s of sql.upgrade) await db.exec(s);
      try {
        await db.exec("INSERT INTO app.tickets VALUES (1, 'ca'), (2, 'us'), (3, 'eu')");
        const moved = edited((d) => {
          table(d, 't_tickets_am').partitionBound = "FOR VALUES IN ('ca', 'mx', 'us')";
        });
        const findings = await preflight(db, diff(design, moved));
        expect(findings.map((f) => `${f.code} ${f.rows}: ${f.message}`)).toEqual([
          'rows_lost 2: 2 rows of app.tickets_am go out of app.tickets: its readers no longer see them (they stay in app.tickets_am).',
        ]);
      } finally {
        for (const s of sql.downgrade) await db.exec(s);
      }
    });

    it.each(CHANGES)('%s: the upgrade makes the new catalog, the downgrade the old', (_, edit) =>
      expectStepBothWays(db, partitionsDesign(), edited(edit)),
    );
  });
}
