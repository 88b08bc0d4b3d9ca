/**
 * Exclusion constraints read from a real database, carried through a design and written back
 * by Retort's SQL: elements with operators (qualified ones too), operator classes, orders,
 * expressions, INCLUDE, WHERE, DEFERRABLE and a comment, on PGlite and on the server.
 */

import { emitSql } from '@retort/codegen';
import { describeCatalogDifferences, parseDesign, toCatalog } from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { describe, expect, it } from 'vitest';
import { designFromCatalog } from './design-from-catalog';
import { introspectDatabase } from './introspect';

const EXCLUSIONS_SQL = `
CREATE TABLE rooms (
  id integer PRIMARY KEY,
  during tstzrange NOT NULL,
  floor integer NOT NULL,
  label text,
  cancelled boolean NOT NULL DEFAULT false,
  CONSTRAINT rooms_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (NOT cancelled)
    DEFERRABLE INITIALLY DEFERRED,
  EXCLUDE USING btree (floor WITH =, label text_pattern_ops DESC NULLS LAST WITH OPERATOR(pg_catalog.=))
);
ALTER TABLE rooms ADD CONSTRAINT rooms_label_lower EXCLUDE USING hash ((lower(label)) WITH =);
ALTER TABLE rooms ADD CONSTRAINT rooms_during_incl EXCLUDE USING gist (during WITH &&) INCLUDE (floor) DEFERRABLE;
COMMENT ON CONSTRAINT rooms_no_overlap ON rooms IS 'one booking at a time';
`;

describe.each(databaseTargets())('exclusion constraints on %s', (kind) => {
  it('are read whole, designed, and written back the same', async () => {
    let designText = '';
    await withTestDatabase(kind, async (db) => {
      await db.exec(EXCLUSIONS_SQL);
      const read = await introspectDatabase(db);
      expect(read.unmodelled).toEqual([]);
      const rooms = read.catalog.tables.find((t) => t.name === 'rooms')!;
      expect(rooms.indexes).toEqual([]);
      expect(rooms.exclusions).toEqual([
        {
          name: 'rooms_during_incl',
          method: 'gist',
          elements: [{ column: 'during', operator: '&&' }],
          include: ['floor'],
          deferrable: true,
        },
        {
          name: 'rooms_floor_label_excl',
          method: 'btree',
          elements: [
            { column: 'floor', operator: '=' },
            {
              column: 'label',
              opclass: 'text_pattern_ops',
              descending: true,
              nulls: 'LAST',
              operator: '=',
            },
          ],
        },
        {
          name: 'rooms_label_lower',
          method: 'hash',
          elements: [{ expression: 'lower(label)', operator: '=' }],
        },
        {
          name: 'rooms_no_overlap',
          method: 'gist',
          elements: [{ column: 'during', operator: '&&' }],
          where: 'NOT cancelled',
          deferrable: true,
          initiallyDeferred: true,
          comment: 'one booking at a time',
        },
      ]);
      const design = parseDesign(JSON.stringify(designFromCatalog(read.catalog, 'rooms')));
      expect(describeCatalogDifferences(toCatalog(design), read.catalog)).toEqual([]);
      designText = emitSql(design);
      expect(designText).toContain(
        'ADD CONSTRAINT rooms_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (NOT cancelled) DEFERRABLE INITIALLY DEFERRED',
      );
    });
    await withTestDatabase(kind, async (db) => {
      await db.exec(designText);
      const rebuilt = await introspectDatabase(db);
      expect(rebuilt.unmodelled).toEqual([]);
      const design = parseDesign(JSON.stringify(designFromCatalog(rebuilt.catalog, 'rooms')));
      expect(describeCatalogDifferences(toCatalog(design), rebuilt.catalog)).toEqual([]);
      expect(rebuilt.catalog.tables[0]!.exclusions).toHaveLength(4);
    });
  }, 120_000);
});
