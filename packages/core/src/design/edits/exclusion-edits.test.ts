/**
 * The editor's exclusion constraint edits: added on a column (gist && on a range, btree =
 * otherwise), changed, deleted, and gone with a column they use; the design stays valid.
 */

import { describe, expect, it } from 'vitest';
import { toCatalog } from '../../catalog/from-design';
import { parseDesign } from '../parse';
import type { Design } from '../types';
import { validateDesign } from '../validate';
import { addExclusion, deleteColumn, deleteExclusion, updateExclusion } from './edits';

const bookings = (): Design =>
  parseDesign({
    format: 'retort.design/5',
    name: 'bookings',
    tables: [
      {
        id: 't_b',
        name: 'bookings',
        columns: [
          { id: 'c_id', name: 'id', type: 'INTEGER', primaryKey: true },
          { id: 'c_room', name: 'room', type: 'INTEGER', nullable: false },
          { id: 'c_during', name: 'during', type: 'tstzrange', nullable: false },
        ],
      },
    ],
  });

const valid = (design: Design) => expect(validateDesign(design).problems).toEqual([]);

describe('exclusion constraint edits', () => {
  it('add gist && on a range column, btree = on another, change and delete them', () => {
    const added = addExclusion(bookings(), 't_b', 'c_during');
    valid(added.design);
    expect(toCatalog(added.design).tables[0]!.exclusions).toEqual([
      {
        name: 'bookings_during_excl',
        method: 'gist',
        elements: [{ column: 'during', operator: '&&' }],
      },
    ]);
    const room = addExclusion(added.design, 't_b', 'c_room');
    expect(toCatalog(room.design).tables[0]!.exclusions![1]).toEqual({
      name: 'bookings_room_excl',
      method: 'btree',
      elements: [{ column: 'room', operator: '=' }],
    });

    const changed = updateExclusion(room.design, 't_b', added.id, {
      name: ' no_overlap ',
      deferrable: true,
      initiallyDeferred: true,
      where: 'room > 0',
    });
    valid(changed);
    expect(changed.tables[0]!.exclusions![0]).toMatchObject({
      name: 'no_overlap',
      deferrable: true,
      initiallyDeferred: true,
      where: 'room > 0',
    });
    const notDeferrable = updateExclusion(changed, 't_b', added.id, { deferrable: false });
    expect(notDeferrable.tables[0]!.exclusions![0]!.initiallyDeferred).toBe(false);

    const one = deleteExclusion(changed, 't_b', room.id);
    expect(one.tables[0]!.exclusions!.map((x) => x.id)).toEqual([added.id]);
    expect(deleteExclusion(one, 't_b', added.id).tables[0]!.exclusions).toBeUndefined();
  });

  it('go with a column they use', () => {
    const added = addExclusion(bookings(), 't_b', 'c_during').design;
    const next = deleteColumn(added, 't_b', 'c_during');
    valid(next);
    expect(next.tables[0]!.exclusions).toBeUndefined();
  });
});
