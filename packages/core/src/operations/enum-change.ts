/**
 * How an `alter_enum` runs: Postgres can add values (`ADD VALUE ... BEFORE/AFTER`) and
 * rename one (`RENAME VALUE`) in place; anything else (a value removed, the order changed)
 * recreates the type and casts the columns that use it.
 */
import type { AlterEnum } from './types';

export type EnumChange =
  | { kind: 'add'; values: { value: string; before: string | null; after: string | null }[] }
  | { kind: 'rename'; renames: { from: string; to: string }[] }
  | { kind: 'recreate' };

/** Whether `after` is `before` with values inserted (order kept). */
function isInsertion(before: readonly string[], after: readonly string[]): boolean {
  let i = 0;
  for (const value of after) if (i < before.length && value === before[i]) i++;
  return i === before.length && new Set(after).size === after.length;
}

export function enumChange(op: Pick<AlterEnum, 'before' | 'after' | 'renames'>): EnumChange {
  const { before, after, renames } = op;
  if (renames.length > 0 && before.length === after.length) {
    const map = new Map(renames.map((r) => [r.from, r.to]));
    if (before.every((v, i) => (map.get(v) ?? v) === after[i])) return { kind: 'rename', renames };
  }
  if (renames.length === 0 && after.length > before.length && isInsertion(before, after)) {
    const existing = new Set(before);
    const values: { value: string; before: string | null; after: string | null }[] = [];
    after.forEach((value, i) => {
      if (existing.has(value)) return;
      // Placed after the value before it in the final order (already present by then).
      const previous = i > 0 ? after[i - 1]! : null;
      const next = after.slice(i + 1).find((v) => existing.has(v)) ?? null;
      values.push({ value, after: previous, before: previous === null ? next : null });
    });
    return { kind: 'add', values };
  }
  return { kind: 'recreate' };
}

/**
 * The value renames between two value lists of one enum: the same number of values with
 * exactly one position changed reads as a rename (data kept), anything else as a change.
 */
export function detectEnumRenames(
  before: readonly string[],
  after: readonly string[],
): { from: string; to: string }[] {
  if (before.length !== after.length) return [];
  const changed = before.map((_v, i) => i).filter((i) => before[i] !== after[i]);
  if (changed.length !== 1) return [];
  const i = changed[0]!;
  if (before.includes(after[i]!) || after.includes(before[i]!)) return [];
  return [{ from: before[i]!, to: after[i]! }];
}
