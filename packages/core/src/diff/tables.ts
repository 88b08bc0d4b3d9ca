/**
 * Tables: dropped, renamed, their comments changed, created. A set of tables is created in
 * foreign-key order, each key inline in its `create_table` when the referenced table is
 * itself or created before it in the same run; every other key (a cycle, a table that
 * already exists) comes back separately, to be created after. A set is dropped in the
 * exact reverse.
 */
import type { CatalogTable } from '../catalog/types';
import {
  qualifiedName,
  schemaOf,
  splitQualifiedName,
  unqualifiedName,
} from '../naming/qualified-names';
import { reverseOperations } from '../operations/reverse';
import type { CreateForeignKey, Operation } from '../operations/types';
import type { PlanContext, TableCreation, TablePair } from './context';
import { scheduleRenames } from './renames';

export function createTables(tables: readonly CatalogTable[]): TableCreation {
  const inRun = new Set(tables.map((t) => t.name));
  const placed = new Set<string>();
  const remaining = [...tables];
  const ops: Operation[] = [];
  const foreignKeys: CreateForeignKey[] = [];
  const dependsOn = (t: CatalogTable) =>
    [
      ...t.foreignKeys.map((fk) => fk.refTable),
      ...(t.partitionOf ? [t.partitionOf.table] : []),
    ].filter((ref) => ref !== t.name && inRun.has(ref) && !placed.has(ref));
  // A partition needs its parent, not only preferably: a cycle through keys never picks one
  // whose parent is still to come.
  const parentWaits = (t: CatalogTable) =>
    t.partitionOf !== undefined &&
    inRun.has(t.partitionOf.table) &&
    !placed.has(t.partitionOf.table);
  while (remaining.length > 0) {
    // The first table whose referenced tables all exist; in a cycle, the first one left.
    let index = remaining.findIndex((t) => dependsOn(t).length === 0);
    if (index < 0)
      index = Math.max(
        0,
        remaining.findIndex((t) => !parentWaits(t)),
      );
    const [table] = remaining.splice(index, 1);
    const t = table!;
    const inline = t.foreignKeys.filter((fk) => fk.refTable === t.name || placed.has(fk.refTable));
    for (const fk of t.foreignKeys) {
      if (!inline.includes(fk)) {
        foreignKeys.push({ kind: 'create_foreign_key', table: t.name, foreignKey: fk });
      }
    }
    const { indexes, exclusions, ...spec } = t;
    ops.push({ kind: 'create_table', table: { ...spec, foreignKeys: inline } });
    for (const exclusion of exclusions ?? []) {
      ops.push({ kind: 'create_exclusion', table: t.name, exclusion });
    }
    for (const index of indexes) ops.push({ kind: 'create_index', table: t.name, index });
    placed.add(t.name);
  }
  return { tables: ops, foreignKeys };
}

/** Runs after their foreign keys (and the keys that point at them) are dropped. */
export function dropTables(ctx: PlanContext): void {
  for (const op of reverseOperations(ctx.dropping.tables)) ctx.emit(op);
}

/** Tables that change schema move first, keeping their name; renames follow in the new schema. */
export function moveTables(ctx: PlanContext): void {
  for (const p of ctx.pairs) {
    const from = splitQualifiedName(p.before.name);
    const to = schemaOf(p.after.name);
    if (from.schema !== to) {
      ctx.emit({ kind: 'set_table_schema', table: from.name, from: from.schema, to });
    }
  }
}

export function renameTables(ctx: PlanContext): void {
  const presentTables = new Set(ctx.state.catalog.tables.map((t) => t.name));
  const reservedTables = new Set([...presentTables, ...ctx.catalogAfter.tables.map((t) => t.name)]);
  const moved = (p: TablePair) =>
    qualifiedName(schemaOf(p.after.name), unqualifiedName(p.before.name));
  for (const r of scheduleRenames(
    ctx.pairs.map((p) => ({ from: moved(p), to: p.after.name })),
    presentTables,
    reservedTables,
  )) {
    ctx.emit({ kind: 'rename_table', ...r });
  }
}

export function setTableComment(ctx: PlanContext, p: TablePair): void {
  const comment = ctx.state.table(p.after.name)!.comment;
  if (comment !== p.after.comment) {
    ctx.emit({
      kind: 'set_table_comment',
      table: p.after.name,
      from: comment,
      to: p.after.comment,
    });
  }
}

export function createNewTables(ctx: PlanContext): void {
  for (const op of ctx.creating.tables) ctx.emit(op);
}
