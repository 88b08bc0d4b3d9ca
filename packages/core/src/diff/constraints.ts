/**
 * Keys, uniques, indexes, checks and foreign keys: compared table by table, then dropped,
 * renamed and created. A table's constraints are compared across a change in one pass. A constraint is
 * matched by what it does once the renames are applied (its columns and target by their new
 * names), so renaming a column keeps its keys; a matched one whose name differs is renamed,
 * since Postgres keeps the old default name (`users_pkey` stays after renaming `users`).
 */
import { foreignKeyOptionsText, keyDeferrabilityText } from '../catalog/compare';
import {
  exclusionShape,
  indexShape,
  renameExclusionColumns,
  renameIndexColumns,
} from '../catalog/index-columns';
import type { CatalogForeignKey, CatalogTable, CatalogUnique } from '../catalog/types';
import type { CatalogState } from '../operations/apply';
import { renameColumnsInExpression } from '../operations/expression-rename';
import { reverseOperations } from '../operations/reverse';
import type { Matched, PlanContext, TableConstraints } from './context';
import { scheduleRenames } from './renames';

/** How names change: tables by their old name, and each table's columns. */
export interface NameMap {
  table(oldName: string): string | undefined;
  column(oldTable: string, oldColumn: string): string | undefined;
}

function match<T extends { name: string }>(
  before: readonly T[],
  beforeKey: (item: T) => string | null,
  after: readonly T[],
  afterKey: (item: T) => string,
): Matched<T> {
  const result: Matched<T> = { kept: [], dropped: [], created: [] };
  const left = before.map((item) => ({ item, key: beforeKey(item) }));
  const right = after.map((item) => ({ item, key: afterKey(item) }));
  const take = (same: (l: (typeof left)[number], r: (typeof right)[number]) => boolean) => {
    for (const l of [...left]) {
      if (l.key === null) continue;
      const r = right.find((x) => same(l, x));
      if (!r) continue;
      result.kept.push({ before: l.item, after: r.item });
      left.splice(left.indexOf(l), 1);
      right.splice(right.indexOf(r), 1);
    }
  };
  take((l, r) => l.key === r.key && l.item.name === r.item.name);
  take((l, r) => l.key === r.key);
  result.dropped = left.map((l) => l.item);
  result.created = right.map((r) => r.item);
  return result;
}

function mapColumns(names: NameMap, table: string, columns: readonly string[]): string[] | null {
  const out: string[] = [];
  for (const c of columns) {
    const mapped = names.column(table, c);
    if (mapped === undefined) return null;
    out.push(mapped);
  }
  return out;
}

const fkKey = (fk: CatalogForeignKey, columns: string[], refTable: string, refColumns: string[]) =>
  JSON.stringify([
    columns,
    refTable,
    refColumns,
    fk.onDelete,
    fk.onUpdate,
    foreignKeyOptionsText(fk),
  ]);

export function compareConstraints(
  before: CatalogTable,
  after: CatalogTable,
  names: NameMap,
): TableConstraints {
  const cols = (columns: readonly string[]) => mapColumns(names, before.name, columns);
  const setKey = (columns: readonly string[]) => {
    const mapped = cols(columns);
    return mapped === null ? null : JSON.stringify(mapped);
  };
  const renames = new Map<string, string>();
  for (const c of before.columns) {
    const to = names.column(before.name, c.name);
    if (to !== undefined && to !== c.name) renames.set(c.name, to);
  }
  return {
    primaryKey: match(
      before.primaryKey ? [before.primaryKey] : [],
      (pk) => {
        const key = setKey(pk.columns);
        return key === null ? null : `${key}${keyDeferrabilityText(pk)}`;
      },
      after.primaryKey ? [after.primaryKey] : [],
      (pk) => `${JSON.stringify(pk.columns)}${keyDeferrabilityText(pk)}`,
    ),
    foreignKeys: match(
      before.foreignKeys,
      (fk) => {
        const columns = cols(fk.columns);
        const refTable = names.table(fk.refTable);
        if (columns === null || refTable === undefined) return null;
        const refColumns = mapColumns(names, fk.refTable, fk.refColumns);
        return refColumns === null ? null : fkKey(fk, columns, refTable, refColumns);
      },
      after.foreignKeys,
      (fk) => fkKey(fk, fk.columns, fk.refTable, fk.refColumns),
    ),
    uniques: match(
      before.uniques,
      (u) => {
        const key = setKey(u.columns);
        return key === null ? null : `${key}${nullsText(u)}`;
      },
      after.uniques,
      (u) => `${JSON.stringify(u.columns)}${nullsText(u)}`,
    ),
    indexes: match(
      before.indexes,
      (i) => {
        const renamed = renameIndexColumns(i, (c) => names.column(before.name, c), renames);
        return renamed === null ? null : indexShape(renamed);
      },
      after.indexes,
      indexShape,
    ),
    checks: match(
      before.checks,
      (k) => renameColumnsInExpression(k.expression, renames),
      after.checks,
      (k) => k.expression,
    ),
    // A changed definition matches nothing: the constraint is dropped and added again.
    exclusions: match(
      before.exclusions ?? [],
      (x) => {
        const renamed = renameExclusionColumns(x, (c) => names.column(before.name, c), renames);
        return renamed === null ? null : exclusionShape(renamed);
      },
      after.exclusions ?? [],
      exclusionShape,
    ),
  };
}

// Postgres cannot alter a key's deferrability: a change matches nothing, so drop and add.
const nullsText = (u: CatalogUnique) =>
  `${u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} ${keyDeferrabilityText(u)}`;

/** Foreign keys that go, and those of the tables that go, before anything they hold up. */
export function dropForeignKeys(ctx: PlanContext): void {
  for (const p of ctx.pairs) {
    for (const fk of p.constraints.foreignKeys.dropped) {
      ctx.emit({ kind: 'drop_foreign_key', table: p.before.name, foreignKey: fk });
    }
  }
  for (const op of reverseOperations(ctx.dropping.foreignKeys)) ctx.emit(op);
}

/** Keys, uniques, checks and indexes that go, before the columns they use. */
export function dropConstraints(ctx: PlanContext): void {
  for (const p of ctx.pairs) {
    const c = p.constraints;
    const table = p.before.name;
    for (const index of c.indexes.dropped) ctx.emit({ kind: 'drop_index', table, index });
    for (const check of c.checks.dropped) ctx.emit({ kind: 'drop_check', table, check });
    for (const exclusion of c.exclusions.dropped) {
      ctx.emit({ kind: 'drop_exclusion', table, exclusion });
    }
    for (const unique of c.uniques.dropped) ctx.emit({ kind: 'drop_unique', table, unique });
    for (const primaryKey of c.primaryKey.dropped) {
      ctx.emit({ kind: 'drop_primary_key', table, primaryKey });
    }
  }
}

/** Runs after the tables are renamed: kept constraints take their new names. */
export function renameConstraints(ctx: PlanContext): void {
  const { state } = ctx;
  const constraintRenames: { table: string; from: string; to: string; index: boolean }[] = [];
  for (const p of ctx.pairs) {
    const c = p.constraints;
    const table = p.after.name;
    for (const list of [c.primaryKey, c.foreignKeys, c.uniques, c.checks, c.exclusions]) {
      for (const k of list.kept) {
        constraintRenames.push({ table, from: k.before.name, to: k.after.name, index: false });
      }
    }
    for (const k of c.indexes.kept) {
      constraintRenames.push({ table, from: k.before.name, to: k.after.name, index: true });
    }
  }
  const presentConstraints = new Set(
    state.catalog.tables.flatMap((t) => [
      ...(t.primaryKey ? [t.primaryKey.name] : []),
      ...[...t.foreignKeys, ...t.uniques, ...t.checks, ...(t.exclusions ?? []), ...t.indexes].map(
        (x) => x.name,
      ),
    ]),
  );
  const constraintKey = (table: string, name: string) => `${table}\u0000${name}`;
  const byKey = new Map(constraintRenames.map((r) => [constraintKey(r.table, r.from), r]));
  // Names are scheduled schema-wide: index names (and the indexes behind keys) share one
  // namespace, and a wider namespace only adds caution.
  const owner = new Map<string, string>();
  // A name kept by one table must not hide the table another renames it from.
  for (const r of constraintRenames) if (r.from !== r.to) owner.set(r.from, r.table);
  for (const step of scheduleRenames(
    constraintRenames.map((r) => ({ from: r.from, to: r.to })),
    presentConstraints,
    new Set([...presentConstraints, ...constraintRenames.map((r) => r.to)]),
  )) {
    const table = owner.get(step.from)!;
    const original = byKey.get(constraintKey(table, step.from));
    const isIndex = original?.index ?? indexNames(state, table).has(step.from);
    owner.set(step.to, table);
    ctx.emit({ kind: isIndex ? 'rename_index' : 'rename_constraint', table, ...step });
  }
}

function indexNames(state: CatalogState, table: string): Set<string> {
  return new Set(state.table(table)?.indexes.map((i) => i.name) ?? []);
}

/** Keys, uniques, checks and indexes that come, once their columns exist. */
export function createConstraints(ctx: PlanContext): void {
  for (const p of ctx.pairs) {
    const c = p.constraints;
    const table = p.after.name;
    for (const primaryKey of c.primaryKey.created) {
      ctx.emit({ kind: 'create_primary_key', table, primaryKey });
    }
    for (const unique of c.uniques.created) ctx.emit({ kind: 'create_unique', table, unique });
    for (const { before, after } of c.checks.kept) {
      if (!before.notValid === !after.notValid) continue;
      // The comment it has now: made NOT VALID again, the check is added back with it.
      const { notValid: _notValid, comment: _comment, ...rest } = after;
      const comment = ctx.state.table(table)?.checks.find((k) => k.name === after.name)?.comment;
      const check = comment === undefined ? rest : { ...rest, comment };
      ctx.emit({
        kind: 'set_check_validity',
        table,
        check: before.notValid ? { ...check, notValid: true } : check,
        valid: !after.notValid,
      });
    }
    for (const check of c.checks.created) ctx.emit({ kind: 'create_check', table, check });
    for (const list of [c.primaryKey, c.uniques, c.checks, c.foreignKeys]) {
      for (const { after } of list.kept) setConstraintComment(ctx, table, after);
    }
    for (const { after } of c.exclusions.kept) {
      const from = ctx.state.table(table)?.exclusions?.find((x) => x.name === after.name);
      const to = after.comment ?? null;
      if (from && (from.comment ?? null) !== to) {
        ctx.emit({
          kind: 'set_exclusion_comment',
          table,
          exclusion: after.name,
          from: from.comment ?? null,
          to,
        });
      }
    }
    for (const exclusion of c.exclusions.created) {
      ctx.emit({ kind: 'create_exclusion', table, exclusion });
    }
    for (const { before, after } of c.indexes.kept) {
      const from = before.comment ?? null;
      const to = after.comment ?? null;
      if (from !== to) ctx.emit({ kind: 'set_index_comment', table, index: after.name, from, to });
    }
    for (const index of c.indexes.created) ctx.emit({ kind: 'create_index', table, index });
  }
}

/** A kept constraint's comment, as it now is (renamed, with the name it has after). */
function setConstraintComment(
  ctx: PlanContext,
  table: string,
  after: { name: string; comment?: string },
): void {
  const t = ctx.state.table(table);
  const current = t
    ? [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques, ...t.checks, ...t.foreignKeys].find(
        (k) => k.name === after.name,
      )
    : undefined;
  if (!current) return;
  const from = current.comment ?? null;
  const to = after.comment ?? null;
  if (from !== to)
    ctx.emit({ kind: 'set_constraint_comment', table, constraint: after.name, from, to });
}

/** Foreign keys that come, last: every table and unique they point at exists by then. */
export function createForeignKeys(ctx: PlanContext): void {
  for (const op of ctx.creating.foreignKeys) ctx.emit(op);
  for (const p of ctx.pairs) {
    for (const fk of p.constraints.foreignKeys.created) {
      ctx.emit({ kind: 'create_foreign_key', table: p.after.name, foreignKey: fk });
    }
  }
}
