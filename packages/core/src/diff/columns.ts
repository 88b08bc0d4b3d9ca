/**
 * Columns of the tables in both designs: dropped, renamed, changed and added. A column is
 * matched by id (match.ts), so a renamed column keeps its rows.
 */
import { describeIdentity } from '../catalog/compare';
import type { CatalogColumn } from '../catalog/types';
import type { AlterColumn } from '../operations/types';
import type { PlanContext, TablePair } from './context';
import { enumOf } from './enums';
import { scheduleRenames } from './renames';

function sameColumn(a: CatalogColumn, b: CatalogColumn): boolean {
  return (
    a.type === b.type &&
    a.nullable === b.nullable &&
    a.default === b.default &&
    a.autoincrement === b.autoincrement &&
    a.comment === b.comment &&
    describeIdentity(a) === describeIdentity(b) &&
    (a.generated ?? null) === (b.generated ?? null) &&
    (a.collation ?? null) === (b.collation ?? null)
  );
}

/**
 * Postgres (before 17) cannot give a column a generated expression in place: the column is
 * dropped and added again, generated (at the end of its table, its values computed).
 */
export function needsRecreate(before: CatalogColumn, after: CatalogColumn): boolean {
  return after.generated !== undefined && (before.generated ?? null) !== after.generated;
}

/** The new names of a pair's kept columns. */
function keptColumns(ctx: PlanContext, p: TablePair): Set<string> {
  return new Set(ctx.columnRenames.get(p.before.name)!.values());
}

function columnAlter(ctx: PlanContext, p: TablePair, column: CatalogColumn): AlterColumn | null {
  const current = ctx.state.column(p.after.name, column.name)!;
  return sameColumn(current, column)
    ? null
    : { kind: 'alter_column', table: p.after.name, before: current, after: column };
}

export function dropColumns(ctx: PlanContext): void {
  // Last column first: the reverse of this step adds them back in the table's order, and
  // Postgres appends every added column, so the order of the adds is the order of the columns.
  for (const p of ctx.pairs) {
    const kept = ctx.columnRenames.get(p.before.name)!;
    for (const column of [...p.before.columns].reverse()) {
      if (!kept.has(column.name)) ctx.emit({ kind: 'drop_column', table: p.before.name, column });
    }
  }
}

/** Runs after the tables are renamed: columns are found by their table's new name. */
export function renameColumns(ctx: PlanContext): void {
  for (const p of ctx.pairs) {
    const table = p.after.name;
    const renames = [...ctx.columnRenames.get(p.before.name)!].map(([from, to]) => ({ from, to }));
    const present = new Set(ctx.state.table(table)!.columns.map((c) => c.name));
    const reserved = new Set([...present, ...p.after.columns.map((c) => c.name)]);
    for (const r of scheduleRenames(renames, present, reserved)) {
      const column = ctx.state.column(table, r.from)!;
      ctx.emit({ kind: 'alter_column', table, before: column, after: { ...column, name: r.to } });
    }
  }
}

/** Columns whose enum is about to be recreated change type before the enum does. */
export function moveColumnsOffRecreatedEnums(ctx: PlanContext, recreated: Set<string>): void {
  const alters: AlterColumn[] = [];
  for (const p of ctx.pairs) {
    const kept = keptColumns(ctx, p);
    for (const column of p.after.columns) {
      if (!kept.has(column.name)) continue;
      const current = ctx.state.column(p.after.name, column.name)!;
      if (recreated.has(enumOf(current.type)) && current.type !== column.type) {
        const op = columnAlter(ctx, p, column);
        if (op) alters.push(op);
      }
    }
  }
  for (const op of alters) ctx.emit(op);
}

export function alterColumns(ctx: PlanContext, p: TablePair): void {
  const kept = keptColumns(ctx, p);
  for (const column of p.after.columns) {
    if (!kept.has(column.name)) continue;
    const op = columnAlter(ctx, p, column);
    if (op && needsRecreate(op.before, op.after)) {
      ctx.emit({ kind: 'drop_column', table: op.table, column: op.before });
      ctx.emit({ kind: 'add_column', table: op.table, column: op.after });
    } else if (op) ctx.emit(op);
  }
}

export function addColumns(ctx: PlanContext): void {
  for (const p of ctx.pairs) {
    const kept = keptColumns(ctx, p);
    for (const column of p.after.columns) {
      if (!kept.has(column.name)) ctx.emit({ kind: 'add_column', table: p.after.name, column });
    }
  }
}
