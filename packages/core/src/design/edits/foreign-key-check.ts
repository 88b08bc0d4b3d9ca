/**
 * Whether a foreign key drawn from one column to another can exist in Postgres: the types
 * must match exactly (Postgres needs comparable types, and SQLAlchemy models break on a
 * mismatch), and the referenced column must be a primary key or unique on its own.
 */
import { isReferenceable } from '../references';
import type { Design } from '../types';
import { findColumn, findTable } from './edits';
import { canonicalType } from './type-spelling';

export type ForeignKeyCheck = { ok: true } | { ok: false; reason: string };

export function checkForeignKey(
  design: Design,
  fromTableId: string,
  fromColumnId: string,
  toTableId: string,
  toColumnId: string,
): ForeignKeyCheck {
  const fromTable = findTable(design, fromTableId);
  const toTable = findTable(design, toTableId);
  const from = fromTable && findColumn(fromTable, fromColumnId);
  const to = toTable && findColumn(toTable, toColumnId);
  if (!fromTable || !toTable || !from || !to) {
    return { ok: false, reason: 'The foreign key must join two existing columns.' };
  }
  const fromName = `${fromTable.name}.${from.name}`;
  const toName = `${toTable.name}.${to.name}`;
  if (from.id === to.id) {
    return { ok: false, reason: `${fromName} cannot reference itself.` };
  }
  const fromType = canonicalType(design, from.type);
  const toType = canonicalType(design, to.type);
  if (fromType !== toType) {
    return { ok: false, reason: `${fromName} is ${fromType} but ${toName} is ${toType}.` };
  }
  if (!isReferenceable(toTable, [to.id])) {
    return {
      ok: false,
      reason: `${toName} is neither the primary key nor unique, so a foreign key cannot reference it.`,
    };
  }
  const duplicate = fromTable.foreignKeys.some(
    (fk) =>
      fk.references.table === toTable.id &&
      fk.columns.length === 1 &&
      fk.columns[0] === from.id &&
      fk.references.columns[0] === to.id,
  );
  if (duplicate) return { ok: false, reason: `${fromName} already references ${toName}.` };
  return { ok: true };
}
