/**
 * How a revision changed the drawing, beside what its operations tell the database: the
 * tables and enums it added or changed (whole, with their ids), the ones it removed, an order
 * when it is not the obvious one, and a layout map for tables that only moved. Its size
 * follows the change, and replaying changes from the empty design rebuilds the design at
 * any revision (pure and fast: unchanged tables are shared, not copied).
 */
import { createHash } from 'node:crypto';
import {
  compactDesign,
  compactTable,
  type Design,
  type EnumType,
  fillTableDefaults,
  type Position,
  type Table,
} from '@retort/core';
import { emptyDesignNamed } from './empty-design';

export interface DesignChange {
  /** Top-level values (the design's name) that differ from the parent's. */
  fields?: Record<string, unknown>;
  /** Top-level keys the parent had and this design has not. */
  removedFields?: string[];
  /** Tables added, or changed beyond their position, whole. */
  tables?: Table[];
  removedTables?: string[];
  /** Table ids in order, when it is not the parent's with new tables appended. */
  tableOrder?: string[];
  /** New canvas positions of tables that only moved. */
  layout?: Record<string, Position | null>;
  enums?: EnumType[];
  removedEnums?: string[];
  enumOrder?: string[];
}

/** The design before a chain's first revision. */
export const BASE_DESIGN: Design = emptyDesignNamed('');

const LISTS = new Set(['tables', 'enums']);

export function designChange(parent: Design, next: Design): DesignChange {
  const change: DesignChange = {};
  const parentFields = parent as unknown as Record<string, unknown>;
  const nextFields = next as unknown as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(nextFields)) {
    if (!LISTS.has(key) && !deepEqual(parentFields[key], value)) fields[key] = value;
  }
  const removedFields = Object.keys(parentFields).filter(
    (key) => !LISTS.has(key) && !(key in nextFields),
  );
  if (Object.keys(fields).length > 0) change.fields = fields;
  if (removedFields.length > 0) change.removedFields = removedFields;

  const parentTables = new Map(parent.tables.map((t) => [t.id, t]));
  const tables: Table[] = [];
  const layout: Record<string, Position | null> = {};
  for (const table of next.tables) {
    const before = parentTables.get(table.id);
    if (before && sameTable(before, table)) continue;
    if (before && deepEqual({ ...before, position: table.position }, table)) {
      layout[table.id] = table.position;
    } else {
      tables.push(table);
    }
  }
  // Stored compact: options at their defaults are left out, and filled again on replay.
  if (tables.length > 0) change.tables = tables.map(compactTable);
  if (Object.keys(layout).length > 0) change.layout = layout;
  const removedTables = removedIds(parent.tables, next.tables);
  if (removedTables.length > 0) change.removedTables = removedTables;
  if (!sameOrder(replayOrder(parent.tables, tables, removedTables), next.tables))
    change.tableOrder = next.tables.map((t) => t.id);

  const parentEnums = new Map(parent.enums.map((e) => [e.id, e]));
  const enums = next.enums.filter((e) => !deepEqual(parentEnums.get(e.id), e));
  if (enums.length > 0) change.enums = enums;
  const removedEnums = removedIds(parent.enums, next.enums);
  if (removedEnums.length > 0) change.removedEnums = removedEnums;
  if (!sameOrder(replayOrder(parent.enums, enums, removedEnums), next.enums))
    change.enumOrder = next.enums.map((e) => e.id);
  return change;
}

export function applyDesignChange(parent: Design, change: DesignChange): Design {
  return applyDesignChanges(parent, [change]);
}

/**
 * The design after `changes`, applied in turn to `start`. The lists are kept as maps by id
 * across the changes (a map keeps an item's place when it is replaced and appends a new
 * one, which is the order a change without its own order means), so replaying a long
 * chain costs its changes plus one copy of the design, not a copy per revision.
 */
export function applyDesignChanges(start: Design, changes: readonly DesignChange[]): Design {
  let fields: Record<string, unknown> = { ...start };
  let tables = new Map(start.tables.map((t) => [t.id, t]));
  let enums = new Map(start.enums.map((e) => [e.id, e]));
  for (const change of changes) {
    // Stored tables are compact: their options at defaults are filled again here.
    const changed = change.tables?.map(fillTableDefaults);
    tables = replayInto(tables, changed, change.removedTables, change.tableOrder);
    for (const [id, position] of Object.entries(change.layout ?? {})) {
      const table = tables.get(id);
      if (table) tables.set(id, { ...table, position: position ?? null });
    }
    enums = replayInto(enums, change.enums, change.removedEnums, change.enumOrder);
    if (change.fields || change.removedFields) {
      fields = { ...fields, ...change.fields };
      for (const key of change.removedFields ?? []) delete fields[key];
    }
  }
  const design: Record<string, unknown> = {
    ...fields,
    enums: [...enums.values()],
    tables: [...tables.values()],
  };
  return design as unknown as Design;
}

function replayInto<T extends WithId>(
  items: Map<string, T>,
  changed: readonly T[] = [],
  removed: readonly string[] = [],
  order: readonly string[] | undefined = undefined,
): Map<string, T> {
  for (const id of removed) items.delete(id);
  for (const item of changed) items.set(item.id, item);
  if (!order) return items;
  const ordered = new Map<string, T>();
  for (const id of order) {
    const item = items.get(id);
    if (item !== undefined) ordered.set(id, item);
  }
  return ordered;
}

/**
 * sha256 of the design's canonical JSON (keys sorted, no spaces). The hash is of what the
 * design says, not of the format it was written in: the format is always hashed as
 * `retort.design/1`, and what later formats add is absent when unused (options at their
 * defaults are left out, `compactDesign`), so a revision written before a format change
 * still verifies after it.
 */
export function designHash(design: Design): string {
  const known = adoptedHashes.get(design);
  if (known !== undefined) return known;
  const content = { ...compactDesign(design), format: HASHED_FORMAT };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

const adoptedHashes = new WeakMap<Design, string>();

/**
 * Takes `hash` as `designHash(design)` from now on: one computed for this design before and
 * kept where the caller trusts it (the validated design's cache). Designs are not changed
 * once made, so the hash stays true of the object.
 */
export function adoptDesignHash(design: Design, hash: string): void {
  adoptedHashes.set(design, hash);
}

const HASHED_FORMAT = 'retort.design/1';

/**
 * The JSON of `value` with every object's keys sorted and no spaces: a copy with its keys in
 * order, written by JSON.stringify natively (a replacer would call back into JavaScript for
 * every value of the design, which costs more than the copy).
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value)) ?? 'null';
}

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = sortedCopy(value[i]);
    return copy;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i++) inOrder = keys[i - 1]! < keys[i]!;
  // No prototype, so a key named __proto__ is a key like any other.
  const copy: Record<string, unknown> = Object.create(null);
  for (const key of inOrder ? keys : keys.sort()) copy[key] = sortedCopy(record[key]);
  return copy;
}

interface WithId {
  id: string;
}

function removedIds(before: readonly WithId[], after: readonly WithId[]): string[] {
  const kept = new Set(after.map((x) => x.id));
  return before.filter((x) => !kept.has(x.id)).map((x) => x.id);
}

/** The parent's order without the removed, changed items in place, new ones appended. */
function replayOrder(parent: readonly WithId[], changed: readonly WithId[], removed: string[]) {
  const gone = new Set(removed);
  const known = new Set(parent.map((x) => x.id));
  return [
    ...parent.filter((x) => !gone.has(x.id)).map((x) => x.id),
    ...changed.filter((x) => !known.has(x.id)).map((x) => x.id),
  ];
}

function sameOrder(ids: readonly string[], items: readonly WithId[]): boolean {
  return ids.length === items.length && ids.every((id, i) => id === items[i]!.id);
}

/**
 * Tables read by the same reader list their keys in the same order, so equal JSON (native,
 * and the common case: most tables do not change) settles it; unequal JSON is compared
 * value by value, since key order alone may differ.
 */
function sameTable(a: Table, b: Table): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b) || deepEqual(a, b);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const list = b as unknown[];
    return a.length === list.length && a.every((x, i) => deepEqual(x, list[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual(ra[k], rb[k]));
}
