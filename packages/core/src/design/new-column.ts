/** A design column from the fields that matter, the rest at design.json's documented defaults. */
import type { Column } from './types';

export type ColumnFields = Pick<Column, 'id' | 'name' | 'type'> & Partial<Column>;

/**
 * The defaults are the ones `parseDesign` fills in for an omitted field: not unique, no
 * autoincrement, no default, no comment, and nullable unless it is a primary key (Postgres
 * makes every primary key column NOT NULL).
 */
export function newColumn(fields: ColumnFields): Column {
  const { id, name, type, ...rest } = fields;
  const primaryKey = rest.primaryKey ?? false;
  // Every key listed, so a column's keys come out in design.json's order.
  return {
    id,
    name,
    type,
    nullable: !primaryKey,
    primaryKey,
    autoincrement: false,
    unique: false,
    default: null,
    comment: null,
    ...rest,
  };
}
