/**
 * Identity, generated and collated columns and types Retort has no canonical name for:
 * Retort's SQL makes them, introspection reads them back as the same catalog, and the
 * operations between them (with their exact reverses) run on PGlite and the server.
 */
import { renderMigrationSql } from '@retort/codegen';
import {
  type Catalog,
  describeCatalogDifferences,
  diff,
  parseDesign,
  toCatalog,
} from '@retort/core';
import { createServerDatabase, serverUrl } from '@retort/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../contract';
import { openDatabase } from '../drivers/open-database';
import { expectStepBothWays } from '../testing/step-round-trip';
import { designFromCatalog } from './design-from-catalog';
import { introspect } from './introspect';

const base = {
  format: 'retort.design/5',
  name: 'features',
  tables: [
    {
      id: 't_events',
      name: 'events',
      columns: [
        {
          id: 'c_id',
          name: 'id',
          type: 'bigint',
          primaryKey: true,
          identity: { generation: 'BY DEFAULT', start: 100, increment: 10 },
        },
        { id: 'c_title', name: 'title', type: 'text', nullable: false, collation: 'C' },
        { id: 'c_at', name: 'happened_at', type: 'timestamp(6)' },
        { id: 'c_starts', name: 'starts_at', type: 'time(3) with time zone' },
        { id: 'c_span', name: 'span', type: 'interval day to second(3)' },
        { id: 'c_flags', name: 'flags', type: 'bit varying(8)' },
        {
          id: 'c_search',
          name: 'search',
          type: 'tsvector',
          generated: { sql: "to_tsvector('simple', title)" },
        },
        {
          id: 'c_archived',
          name: 'archived_at',
          type: 'timestamp',
          default: { sql: 'NULL::timestamp' },
        },
        {
          id: 'c_n',
          name: 'n',
          type: 'integer',
          nullable: false,
          identity: { generation: 'ALWAYS' },
        },
        { id: 'c_label', name: 'label', type: 'varchar(20)', collation: 'C' },
      ],
      // Indexes on columns that are dropped and added again when they become generated.
      indexes: [
        { id: 'i_search', columns: ['c_search'], method: 'gin' },
        { id: 'i_label', columns: ['c_label'] },
      ],
    },
  ],
};

function changed(edit: (d: typeof base) => void) {
  const d = structuredClone(base);
  edit(d);
  return parseDesign(d);
}

const CHANGES: Array<[string, (d: typeof base) => void]> = [
  [
    'drop an identity',
    (d) => {
      delete (d.tables[0]!.columns[8] as { identity?: unknown }).identity;
    },
  ],
  [
    'change identity options and generation',
    (d) => {
      d.tables[0]!.columns[0]!.identity = { generation: 'ALWAYS', start: 5, increment: 2 } as never;
    },
  ],
  [
    'add an identity',
    (d) => {
      (d.tables[0]!.columns[2] as Record<string, unknown>).identity = undefined;
      d.tables[0]!.columns.push({
        id: 'c_k',
        name: 'k',
        type: 'integer',
        nullable: false,
      } as never);
    },
  ],
  [
    'change a generated expression',
    (d) => {
      d.tables[0]!.columns[6]!.generated = { sql: "to_tsvector('english', title)" };
    },
  ],
  [
    'stop generating a column',
    (d) => {
      delete (d.tables[0]!.columns[6] as { generated?: unknown }).generated;
    },
  ],
  [
    'make an indexed column generated',
    (d) => {
      (d.tables[0]!.columns[9] as Record<string, unknown>).generated = { sql: 'left(title, 20)' };
    },
  ],
  [
    'change a collation',
    (d) => {
      d.tables[0]!.columns[9]!.collation = 'POSIX';
    },
  ],
  [
    'drop a collation',
    (d) => {
      delete (d.tables[0]!.columns[9] as { collation?: unknown }).collation;
    },
  ],
  [
    'change a timestamp precision',
    (d) => {
      d.tables[0]!.columns[2]!.type = 'timestamp(3)';
    },
  ],
];

function catalogOf(db: Database): Promise<Catalog> {
  return introspect(db);
}

for (const kind of ['pglite', 'server'] as const) {
  describe.runIf(kind === 'pglite' || serverUrl() !== null)(`column features on ${kind}`, () => {
    let db: Database;
    let drop: () => Promise<void> = async () => {};
    beforeAll(async () => {
      if (kind === 'pglite') db = await openDatabase({ memory: true });
      else {
        const server = await createServerDatabase('retort_columns');
        db = await openDatabase({ url: server.url });
        drop = server.drop;
      }
    });
    afterAll(async () => {
      await db.close();
      await drop();
    });

    it('Retort SQL builds them; introspection reads back the same catalog and design', async () => {
      const design = parseDesign(base);
      const sql = renderMigrationSql(diff(parseDesign({ ...base, tables: [] }), design));
      for (const s of sql.upgrade) await db.exec(s);
      const read = await catalogOf(db);
      expect(describeCatalogDifferences(toCatalog(design), read)).toEqual([]);
      const imported = designFromCatalog(read, 'features');
      expect(toCatalog(parseDesign(imported))).toEqual(read);
      expect(imported.tables[0]!.columns[0]!.identity).toEqual({
        generation: 'BY DEFAULT',
        start: '100',
        increment: '10',
        minValue: null,
        maxValue: null,
        cache: null,
        cycle: false,
      });
      for (const s of sql.downgrade) await db.exec(s);
    });

    it.each(CHANGES)('%s: the upgrade makes the new catalog, the downgrade the old', (_, edit) =>
      expectStepBothWays(db, parseDesign(base), changed(edit)),
    );
  });
}
