/**
 * A design with the constraint options that Postgres only takes after a table exists: a
 * NOT VALID check and a commented index. `constraintsDesignBefore` is the same schema with
 * the check valid and another comment, so a revision between them validates the check and
 * changes the comment (and its reverse adds the check back NOT VALID).
 */
import { type Design, parseDesign } from '@retort/core';

function build(notValid: boolean, comment: string | null): Design {
  return parseDesign({
    format: 'retort.design/5',
    name: 'constraints',
    tables: [
      {
        id: 't_rooms',
        name: 'rooms',
        columns: [
          { id: 'r_id', name: 'id', type: 'INTEGER', nullable: false, primaryKey: true },
          { id: 'r_name', name: 'name', type: 'TEXT', nullable: false },
          { id: 'r_floor', name: 'floor', type: 'SMALLINT', nullable: true },
        ],
        checks: [
          { id: 'k_name', name: 'rooms_name_not_blank', expression: "name <> ''", notValid },
          { id: 'k_floor', name: null, expression: 'floor >= 0' },
        ],
        indexes: [
          { id: 'i_floor', name: 'rooms_floor_idx', columns: ['r_floor'], comment },
          { id: 'i_name', name: null, columns: ['r_name'], unique: true, comment: 'By name' },
        ],
      },
    ],
  });
}

export const constraintsDesign: Design = build(true, 'Rooms by floor');
export const constraintsDesignBefore: Design = build(false, null);
