/**
 * DEFERRABLE primary keys and unique constraints: in the catalog when set, absent from the
 * design and the catalog when not; a change of deferrability is a drop and an add, reversed
 * exactly; validation refuses INITIALLY DEFERRED alone and a foreign key to a deferrable key.
 */
import { describe, expect, it } from 'vitest';
import { describeCatalogDifferences } from '../catalog/compare';
import { toCatalog } from '../catalog/from-design';
import { compactTable } from '../design/defaults';
import { parseDesign } from '../design/parse';
import type { Design } from '../design/types';
import { validateDesign } from '../design/validate';
import { applyOperations } from '../operations/apply';
import { reverseOperations } from '../operations/reverse';
import { diff } from './diff';

interface Keys {
  pk?: boolean;
  pkDeferred?: boolean;
  unique?: boolean;
  uniqueDeferred?: boolean;
  referenced?: 'id' | 'code';
}

const input = (k: Keys) => ({
  format: 'retort.design/5',
  name: 'shop',
  tables: [
    {
      id: 't_rooms',
      name: 'rooms',
      ...(k.pk !== undefined ? { primaryKeyDeferrable: k.pk } : {}),
      ...(k.pkDeferred !== undefined ? { primaryKeyInitiallyDeferred: k.pkDeferred } : {}),
      columns: [
        { id: 'r_id', name: 'id', type: 'INTEGER', primaryKey: true },
        { id: 'r_code', name: 'code', type: 'TEXT' },
      ],
      uniques: [
        {
          id: 'u_code',
          name: null,
          columns: ['r_code'],
          ...(k.unique !== undefined ? { deferrable: k.unique } : {}),
          ...(k.uniqueDeferred !== undefined ? { initiallyDeferred: k.uniqueDeferred } : {}),
        },
      ],
    },
    ...(k.referenced
      ? [
          {
            id: 't_stays',
            name: 'stays',
            columns: [
              { id: 's_id', name: 'id', type: 'INTEGER', primaryKey: true },
              {
                id: 's_room',
                name: 'room',
                type: k.referenced === 'id' ? 'INTEGER' : 'TEXT',
              },
            ],
            foreignKeys: [
              {
                id: 'fk_room',
                name: null,
                columns: ['s_room'],
                references: {
                  table: 't_rooms',
                  columns: [k.referenced === 'id' ? 'r_id' : 'r_code'],
                },
              },
            ],
          },
        ]
      : []),
  ],
});

const design = (k: Keys): Design => parseDesign(input(k));

function roundTrip(a: Design, b: Design) {
  const up = diff(a, b);
  expect(diff(b, a)).toEqual(reverseOperations(up));
  expect(applyOperations(toCatalog(a), up)).toEqual(toCatalog(b));
  expect(applyOperations(toCatalog(b), reverseOperations(up))).toEqual(toCatalog(a));
  return up;
}

describe('deferrable keys', () => {
  it('are in the catalog when set and absent from design and catalog when not', () => {
    const rooms = toCatalog(design({ pk: true, unique: true, uniqueDeferred: true })).tables[0]!;
    expect(rooms.primaryKey).toEqual({ name: 'rooms_pkey', columns: ['id'], deferrable: true });
    expect(rooms.uniques).toEqual([
      { name: 'rooms_code_key', columns: ['code'], deferrable: true, initiallyDeferred: true },
    ]);
    const plain = design({ pk: false, unique: false });
    expect(toCatalog(plain).tables[0]!.uniques).toEqual([
      { name: 'rooms_code_key', columns: ['code'] },
    ]);
    const stored = compactTable(plain.tables[0]!);
    expect(stored).not.toHaveProperty('primaryKeyDeferrable');
    expect(stored.uniques[0]).not.toHaveProperty('deferrable');
  });

  it('are dropped and added again when deferrability changes, reversed exactly', () => {
    const up = roundTrip(design({}), design({ pk: true, unique: true, uniqueDeferred: true }));
    expect(up.map((o) => o.kind)).toEqual([
      'drop_unique',
      'drop_primary_key',
      'create_primary_key',
      'create_unique',
    ]);
    const later = roundTrip(
      design({ unique: true }),
      design({ unique: true, uniqueDeferred: true }),
    );
    expect(later.map((o) => o.kind)).toEqual(['drop_unique', 'create_unique']);
    expect(diff(design({ unique: true }), design({ unique: true }))).toEqual([]);
  });

  it('are named when they differ from the database', () => {
    const expected = toCatalog(design({}));
    const actual = toCatalog(design({ unique: true, uniqueDeferred: true, pk: true }));
    expect(describeCatalogDifferences(expected, actual)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'primary key is DEFERRABLE INITIALLY IMMEDIATE in the database, NOT DEFERRABLE expected',
        ),
        expect.stringContaining(
          'is DEFERRABLE INITIALLY DEFERRED in the database, NOT DEFERRABLE expected',
        ),
      ]),
    );
  });

  it('refuse INITIALLY DEFERRED without DEFERRABLE, and a foreign key to a deferrable key', () => {
    const messages = (k: Keys) =>
      validateDesign(input(k)).problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages({ pkDeferred: true, uniqueDeferred: true })).toEqual([
      'tables[0].primaryKeyInitiallyDeferred: INITIALLY DEFERRED needs a DEFERRABLE key; set "primaryKeyDeferrable": true.',
      'tables[0].uniques[0].initiallyDeferred: INITIALLY DEFERRED needs a DEFERRABLE key; set "deferrable": true.',
    ]);
    expect(messages({ unique: true, referenced: 'code' })).toEqual([
      'tables[1].foreignKeys[0].references.columns: "code" of table "rooms" is a DEFERRABLE key; Postgres cannot reference a deferrable key.',
    ]);
    expect(messages({ pk: true, referenced: 'id' })).toEqual([
      'tables[1].foreignKeys[0].references.columns: "id" of table "rooms" is a DEFERRABLE key; Postgres cannot reference a deferrable key.',
    ]);
    expect(messages({ referenced: 'code' })).toEqual([]);
  });
});
