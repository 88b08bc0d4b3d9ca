/**
 * One `alter_column` as the ordered steps Postgres runs, shared by the SQL and the Alembic
 * renderers so both make the same schema. The order is Alembic's on Postgres (type, then
 * nullability, default, comment, name last), with two additions: a default is dropped
 * before a type change (Postgres would have to cast the old default to the new type, and
 * `'x'` does not become an INTEGER), and SERIAL changes create or drop the owned sequence.
 */
import {
  type CatalogColumn,
  type CatalogIdentity,
  describeIdentity,
  needsUsing,
} from '@retort/core';

export type AlterColumnStep =
  | { kind: 'drop_default' }
  | { kind: 'drop_serial' }
  | { kind: 'drop_identity' }
  /** Postgres (before 17) cannot make a column generated in place: drop it, add it anew. */
  | { kind: 'recreate'; column: CatalogColumn }
  | { kind: 'drop_expression' }
  /** `collation` is the column's after the change; absent for the type's default. */
  | { kind: 'type'; type: string; using: boolean; collation?: string }
  | { kind: 'add_identity'; identity: CatalogIdentity; type: string }
  | { kind: 'set_identity'; before: CatalogIdentity; after: CatalogIdentity }
  | { kind: 'serial_type'; type: string }
  | { kind: 'nullable'; nullable: boolean }
  | { kind: 'set_default'; sql: string | null }
  | { kind: 'add_serial'; type: string }
  | { kind: 'comment'; comment: string | null }
  | { kind: 'rename'; to: string };

export function alterColumnSteps(before: CatalogColumn, after: CatalogColumn): AlterColumnStep[] {
  if (after.generated !== undefined && (before.generated ?? null) !== after.generated) {
    return [{ kind: 'recreate', column: after }];
  }
  const steps: AlterColumnStep[] = [];
  const typeChanged =
    before.type !== after.type || (before.collation ?? null) !== (after.collation ?? null);
  // Identity and generated go first and come last, so the type, NOT NULL and default steps
  // in between see a plain column.
  if (before.identity && !after.identity) steps.push({ kind: 'drop_identity' });
  if (before.generated !== undefined && after.generated === undefined) {
    steps.push({ kind: 'drop_expression' });
  }
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
    const using = before.type !== after.type && needsUsing(before.type, after.type);
    steps.push({
      kind: 'type',
      type: after.type,
      using,
      ...(after.collation === undefined ? {} : { collation: after.collation }),
    });
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
  if (after.identity && !before.identity) {
    steps.push({ kind: 'add_identity', identity: after.identity, type: after.type });
  } else if (
    before.identity &&
    after.identity &&
    describeIdentity(before) !== describeIdentity(after)
  ) {
    steps.push({ kind: 'set_identity', before: before.identity, after: after.identity });
  }
  if (before.comment !== after.comment) steps.push({ kind: 'comment', comment: after.comment });
  if (before.name !== after.name) steps.push({ kind: 'rename', to: after.name });
  return steps;
}
