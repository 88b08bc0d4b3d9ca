/**
 * Exclusion constraints in the diff: added with a new table and to an existing one, renamed
 * with their column, their comment changed in place, a changed definition dropped and added
 * again, each reversed exactly; validation names what Postgres would refuse.
 */
import { describe, expect, it } from 'vitest';
import { toCatalog } from '../catalog/from-design';
import { parseDesign } from '../design/parse';
import type { Design, ExclusionConstraint } from '../design/types';
import { validateDesign } from '../design/validate';
import { lintOperations } from '../lint/lint';
import { applyOperations } from '../operations/apply';
import { reverseOperations } from '../operations/reverse';
import { diff } from './diff';

const roomsJson = (exclusions: Partial<ExclusionConstraint>[], during = 'during') => ({
  format: 'retort.design/5',
  name: 'rooms',
  tables: [
    {
      id: 't_rooms',
      name: 'rooms',
      columns: [
        { id: 'c_id', name: 'id', type: 'INTEGER', primaryKey: true },
        { id: 'c_floor', name: 'floor', type: 'INTEGER', nullable: false },
        { id: 'c_during', name: during, type: 'TSTZRANGE', nullable: false },
      ],
      exclusions,
    },
  ],
});
const rooms = (exclusions: Partial<ExclusionConstraint>[], during = 'during'): Design =>
  parseDesign(roomsJson(exclusions, during));

const overlap = {
  id: 'x_overlap',
  name: null,
  elements: [{ column: 'c_during', operator: '&&' }],
} as unknown as Partial<ExclusionConstraint>;

const empty = parseDesign({ format: 'retort.design/5', name: 'rooms', tables: [] });

function roundTrip(a: Design, b: Design) {
  const up = diff(a, b);
  expect(diff(b, a)).toEqual(reverseOperations(up));
  expect(applyOperations(toCatalog(a), up)).toEqual(toCatalog(b));
  expect(applyOperations(toCatalog(b), reverseOperations(up))).toEqual(toCatalog(a));
  return up;
}

describe('exclusion constraints in the diff', () => {
  it('are created after a new table, named as Postgres names them', () => {
    const up = roundTrip(empty, rooms([overlap]));
    expect(up.map((op) => op.kind)).toEqual(['create_table', 'create_exclusion']);
    expect(up[1]).toEqual({
      kind: 'create_exclusion',
      table: 'rooms',
      exclusion: {
        name: 'rooms_during_excl',
        method: 'gist',
        elements: [{ column: 'during', operator: '&&' }],
      },
    });
    expect(lintOperations(up).map((f) => f.code)).toEqual([]);
  });

  it('added to an existing table, warn about conflicting rows and the lock', () => {
    const up = roundTrip(rooms([]), rooms([overlap]));
    expect(up.map((op) => op.kind)).toEqual(['create_exclusion']);
    expect(lintOperations(up).map((f) => `${f.code}: ${f.message}`)).toEqual([
      'MF101: Adding exclusion constraint rooms_during_excl on rooms fails if two existing rows conflict (during WITH &&).',
      'adding-exclusion-constraint: Adding exclusion constraint rooms_during_excl builds its index under an ACCESS EXCLUSIVE lock on rooms, blocking reads and writes; Postgres has no CONCURRENTLY way to add one.',
    ]);
  });

  it('follow a renamed column, and keep a default name in line with it', () => {
    const up = roundTrip(rooms([overlap]), rooms([overlap], 'period'));
    expect(up).toEqual([
      expect.objectContaining({ kind: 'alter_column' }),
      {
        kind: 'rename_constraint',
        table: 'rooms',
        from: 'rooms_during_excl',
        to: 'rooms_period_excl',
      },
    ]);
  });

  it('change a comment in place, and drop and add a changed definition', () => {
    const commented = { ...overlap, name: 'rooms_no_overlap', comment: 'one at a time' };
    const named = { ...overlap, name: 'rooms_no_overlap' };
    expect(roundTrip(rooms([named]), rooms([commented]))).toEqual([
      {
        kind: 'set_exclusion_comment',
        table: 'rooms',
        exclusion: 'rooms_no_overlap',
        from: null,
        to: 'one at a time',
      },
    ]);
    const perFloor = {
      ...named,
      elements: [
        { column: 'c_floor', operator: '=' },
        { column: 'c_during', operator: '&&' },
      ],
      deferrable: true,
    } as unknown as Partial<ExclusionConstraint>;
    const up = roundTrip(rooms([named]), rooms([perFloor]));
    expect(up.map((op) => op.kind)).toEqual(['drop_exclusion', 'create_exclusion']);
  });

  it('are refused by validation where Postgres would refuse them', () => {
    const bad = roomsJson([
      {
        id: 'x_bad',
        name: 'rooms',
        method: 'gin',
        elements: [
          { column: 'c_missing', operator: '' },
          { column: 'c_floor', operator: 'with space' },
        ],
      } as unknown as Partial<ExclusionConstraint>,
      { id: 'x_none', name: null, elements: [] } as unknown as Partial<ExclusionConstraint>,
    ]);
    expect(validateDesign(bad).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'tables[0].exclusions[0].name: "rooms" is already the name of a table, index or key at tables[0].name.',
      'tables[0].exclusions[0].elements[0].column: no column with id "c_missing" in table "rooms".',
      'tables[0].exclusions[0].elements[0].operator: every element of exclusion constraint "rooms" of table "rooms" needs an operator, such as = or &&.',
      'tables[0].exclusions[0].elements[1].operator: "with space" is not an operator (such as = or &&, or schema.&&).',
      'tables[0].exclusions[0].method: gin cannot back an exclusion constraint; use gist, btree, hash, spgist.',
      'tables[0].exclusions[1].elements: must list at least one element.',
    ]);
  });
});
