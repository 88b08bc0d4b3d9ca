/**
 * Partitions in a plan. A partition whose parent or bound changes is detached first (before
 * anything is dropped, its old parent perhaps) and attached again last (after its new parent
 * exists), keeping its rows. A table whose partition key changes, or that becomes or stops
 * being a partition, cannot change in place: it is dropped and created again, its partitions
 * with it (lint says what is lost).
 */
import { partitionKeyText } from '../catalog/from-design';
import { partitionKeyName, renameInPartitionKey } from '../design/partition-key';
import type { Design, Table } from '../design/types';
import { objectQualifiedName } from '../naming/qualified-names';
import type { PlanContext } from './context';

/** The ids of the tables in both designs that are dropped and created again. */
export function recreatedTables(a: Design, b: Design): Set<string> {
  const byIdA = new Map(a.tables.map((t) => [t.id, t]));
  const recreated = new Set<string>();
  const key = (t: Table) => (t.partitionBy ? partitionKeyText(t.partitionBy.key) : null);
  for (const tb of b.tables) {
    const ta = byIdA.get(tb.id);
    if (!ta) continue;
    if (
      key(renamedAsIn(ta, tb)) !== key(tb) ||
      (ta.partitionOf === undefined) !== (tb.partitionOf === undefined)
    ) {
      recreated.add(tb.id);
    }
  }
  // A partition goes with its parent, in either design.
  for (let grew = recreated.size > 0; grew; ) {
    grew = false;
    for (const t of [...a.tables, ...b.tables]) {
      if (t.partitionOf !== undefined && recreated.has(t.partitionOf) && !recreated.has(t.id)) {
        if (byIdA.has(t.id) && b.tables.some((x) => x.id === t.id)) {
          recreated.add(t.id);
          grew = true;
        }
      }
    }
  }
  return recreated;
}

/** `table` with its partition key naming its columns as `after` (the same table) names them. */
function renamedAsIn(table: Table, after: Table): Table {
  if (!table.partitionBy) return table;
  let key = table.partitionBy.key;
  const names = new Map(after.columns.map((c) => [c.id, c.name]));
  // Through placeholders, so a swap of two names is no chain of renames.
  const renamed = table.columns.filter((c) => names.has(c.id) && names.get(c.id) !== c.name);
  renamed.forEach((c, i) => {
    key = renameInPartitionKey(key, c.name, `\u0001${i}`);
  });
  renamed.forEach((c, i) => {
    key = key.replaceAll(`"\u0001${i}"`, partitionKeyName(names.get(c.id)!));
  });
  return { ...table, partitionBy: { ...table.partitionBy, key } };
}

interface MovedPartition {
  before: { table: string; parent: string; bound: string };
  after: { table: string; parent: string; bound: string };
}

/** Kept partitions whose parent (by id) or bound changes. */
function movedPartitions(ctx: PlanContext): MovedPartition[] {
  const byIdA = new Map(ctx.before.tables.map((t) => [t.id, t]));
  const byIdB = new Map(ctx.after.tables.map((t) => [t.id, t]));
  const kept = new Set(ctx.pairs.map((p) => p.after.name));
  const out: MovedPartition[] = [];
  for (const tb of ctx.after.tables) {
    const ta = byIdA.get(tb.id);
    if (!ta || ta.partitionOf === undefined || tb.partitionOf === undefined) continue;
    if (!kept.has(objectQualifiedName(tb))) continue;
    if (ta.partitionOf === tb.partitionOf && ta.partitionBound === tb.partitionBound) continue;
    const parentA = byIdA.get(ta.partitionOf);
    const parentB = byIdB.get(tb.partitionOf);
    if (!parentA || !parentB) continue;
    out.push({
      before: {
        table: objectQualifiedName(ta),
        parent: objectQualifiedName(parentA),
        bound: ta.partitionBound ?? '',
      },
      after: {
        table: objectQualifiedName(tb),
        parent: objectQualifiedName(parentB),
        bound: tb.partitionBound ?? '',
      },
    });
  }
  return out;
}

export function detachPartitions(ctx: PlanContext): void {
  for (const m of movedPartitions(ctx)) ctx.emit({ kind: 'detach_partition', ...m.before });
}

export function attachPartitions(ctx: PlanContext): void {
  for (const m of movedPartitions(ctx)) ctx.emit({ kind: 'attach_partition', ...m.after });
}
