/**
 * One `alter_column` as the ordered steps Postgres runs, shared by the SQL and the Alembic
 * renderers so both make the same schema. The order is Alembic's on Postgres (type, then
 * nullability, default, comment, name last), with two additions: a default is dropped
 * before a type change (Postgres would have to cast the old default to the new type, and
 * `'x'` does not become an INTEGER), and SERIAL changes create or drop the owned sequence.
 */
import { type CatalogColumn, needsUsing } from '@retort/core';

export type AlterColumnStep =
  | { kind: 'drop_default' }
  | { kind: 'drop_serial' }
  | { kind: 'type'; type: string; using: boolean }
  | { kind: 'serial_type'; type: string }
  | { kind: 'nullable'; nullable: boolean }
  | { kind: 'set_default'; sql: string | null }
  | { kind: 'add_serial'; type: string }
  | { kind: 'comment'; comment: string | null }
  | { kind: 'rename'; to: string };

export function alterColumnSteps(before: CatalogColumn, after: CatalogColumn): AlterColumnStep[] {
  const steps: AlterColumnStep[] = [];
  const typeChanged = before.type !== after.type;
  let current: string | null = before.autoincrement ? null : before.default;
  let serial = before.autoincrement;
  if (serial && !after.autoincrement) {
    steps.push({ kind: 'drop_serial' });
    serial = false;
  } else if (typeChanged && current !== null) {
    steps.push({ kind: 'drop_default' });
    current = null;
  }
  if (typeChanged) {
    steps.push({ kind: 'type', type: after.type, using: needsUsing(before.type, after.type) });
    if (serial) steps.push({ kind: 'serial_type', type: after.type });
  }
  if (before.nullable !== after.nullable)
    steps.push({ kind: 'nullable', nullable: after.nullable });
  if (after.autoincrement && !serial) {
    if (current !== null) steps.push({ kind: 'drop_default' });
    steps.push({ kind: 'add_serial', type: after.type });
  } else if (!after.autoincrement && current !== after.default) {
    steps.push({ kind: 'set_default', sql: after.default });
  }
  if (before.comment !== after.comment) steps.push({ kind: 'comment', comment: after.comment });
  if (before.name !== after.name) steps.push({ kind: 'rename', to: after.name });
  return steps;
}
