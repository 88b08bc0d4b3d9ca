/**
 * Every edit the editor can make, as pure functions `(design, ...) -> design`. An edit that
 * changes nothing returns the same object, so the store records no empty undo step.
 */

import { DEFAULT_SCHEMA, objectQualifiedName } from '../../naming/qualified-names';
import {
  EXCLUSION_DEFAULTS,
  FOREIGN_KEY_DEFAULTS,
  INDEX_DEFAULTS,
  TABLE_KEY_DEFAULTS,
  UNIQUE_DEFAULTS,
} from '../defaults';
import { designIds } from '../ids';
import { newColumn } from '../new-column';
import { renameInPartitionKey } from '../partition-key';
import type {
  CheckConstraint,
  Column,
  Design,
  EnumType,
  ExclusionConstraint,
  ForeignKey,
  Index,
  Position,
  Table,
  UniqueConstraint,
} from '../types';
import { PARTITION_STRATEGIES, type PartitionStrategy } from '../types';
import { newId, nextFreeName } from './new-id';
import { moveObjects, withoutTableObjects } from './object-edits';
import { canonicalType } from './type-spelling';

export type ColumnPatch = Partial<Omit<Column, 'id'>>;
export type ForeignKeyPatch = Partial<Omit<ForeignKey, 'id'>>;
export type UniquePatch = Partial<Omit<UniqueConstraint, 'id'>>;
export type IndexPatch = Partial<Omit<Index, 'id'>>;
export type CheckPatch = Partial<Omit<CheckConstraint, 'id'>>;
export type EnumPatch = Partial<Omit<EnumType, 'id'>>;
export type ExclusionPatch = Partial<Omit<ExclusionConstraint, 'id'>>;

export function findTable(design: Design, tableId: string): Table | undefined {
  return design.tables.find((t) => t.id === tableId);
}

export function findColumn(table: Table, columnId: string): Column | undefined {
  return table.columns.find((c) => c.id === columnId);
}

function mapTables(design: Design, fn: (t: Table) => Table): Design {
  let changed = false;
  const tables = design.tables.map((t) => {
    const next = fn(t);
    if (next !== t) changed = true;
    return next;
  });
  return changed ? { ...design, tables } : design;
}

function mapTable(design: Design, tableId: string, fn: (t: Table) => Table): Design {
  return mapTables(design, (t) => (t.id === tableId ? fn(t) : t));
}

/** Replaces the item with `id` in `list` by `fn(item)`; the same list when nothing changed. */
function mapItem<T extends { id: string }>(list: T[], id: string, fn: (item: T) => T): T[] {
  let changed = false;
  const next = list.map((item) => {
    if (item.id !== id) return item;
    const updated = fn(item);
    if (updated !== item) changed = true;
    return updated;
  });
  return changed ? next : list;
}

function without<T extends { id: string }>(list: T[], id: string): T[] {
  return list.some((item) => item.id === id) ? list.filter((item) => item.id !== id) : list;
}

/** `{...item, ...patch}`, or `item` itself when the patch changes no field. */
function patched<T extends object>(item: T, patch: Partial<T>): T {
  for (const key of Object.keys(patch) as (keyof T)[]) {
    if (patch[key] !== undefined && !sameValue(item[key], patch[key])) return { ...item, ...patch };
  }
  return item;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function cleanName(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  return trimmed ? trimmed : undefined;
}

// ---- tables -------------------------------------------------------------------------------

export function addTable(design: Design, position: Position): { design: Design; tableId: string } {
  const ids = designIds(design);
  const tableId = newId('t', ids);
  const table: Table = {
    id: tableId,
    name: nextFreeName(
      'table',
      design.tables.map((t) => t.name),
    ),
    comment: null,
    position,
    columns: [
      {
        id: newId('c', ids),
        name: 'id',
        type: 'INTEGER',
        nullable: false,
        primaryKey: true,
        autoincrement: true,
        unique: false,
        default: null,
        comment: null,
      },
    ],
    ...TABLE_KEY_DEFAULTS,
    foreignKeys: [],
    uniques: [],
    indexes: [],
    checks: [],
  };
  return { design: { ...design, tables: [...design.tables, table] }, tableId };
}

export function renameTable(design: Design, tableId: string, name: string): Design {
  const clean = cleanName(name);
  if (!clean) return design;
  return mapTable(design, tableId, (t) => patched(t, { name: clean }));
}

// A trailing newline from the text area would end up inside `COMMENT ON … IS '…'`.
function cleanComment(comment: string | null): string | null {
  const trimmed = comment?.trimEnd();
  return trimmed?.trim() ? trimmed : null;
}

export function setTableComment(design: Design, tableId: string, comment: string | null): Design {
  const clean = cleanComment(comment);
  return mapTable(design, tableId, (t) => (t.comment === clean ? t : { ...t, comment: clean }));
}

/** The primary key's `COMMENT ON CONSTRAINT`; empty text is none. */
export function setPrimaryKeyComment(
  design: Design,
  tableId: string,
  comment: string | null,
): Design {
  const clean = cleanComment(comment);
  return mapTable(design, tableId, (t) =>
    t.primaryKeyComment === clean ? t : { ...t, primaryKeyComment: clean },
  );
}

/**
 * Moves the table to `schema` (trimmed; empty or `public` is public, where the field is left
 * out). Validation says when the schema is one Postgres keeps for itself.
 */
export function setTableSchema(design: Design, tableId: string, schema: string): Design {
  const clean = schema.trim();
  return mapTable(design, tableId, (t) => {
    if ((t.schema ?? DEFAULT_SCHEMA) === (clean === '' ? DEFAULT_SCHEMA : clean)) return t;
    const { schema: _old, ...rest } = t;
    return clean === '' || clean === DEFAULT_SCHEMA ? rest : { ...rest, schema: clean };
  });
}

/**
 * Removes the table, every foreign key in other tables that points at it, and its own
 * triggers, policies and row-level security (Postgres drops those with it).
 */
export function deleteTable(design: Design, tableId: string): Design {
  if (!findTable(design, tableId)) return design;
  // Its partitions go with it, as Postgres drops them with their parent.
  const gone = new Set([tableId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of design.tables) {
      if (t.partitionOf !== undefined && gone.has(t.partitionOf) && !gone.has(t.id)) {
        gone.add(t.id);
        grew = true;
      }
    }
  }
  const tables = design.tables
    .filter((t) => !gone.has(t.id))
    .map((t) =>
      t.foreignKeys.some((fk) => gone.has(fk.references.table))
        ? { ...t, foreignKeys: t.foreignKeys.filter((fk) => !gone.has(fk.references.table)) }
        : t,
    );
  return withoutTableObjects({ ...design, tables }, gone);
}

/**
 * The partition key as Postgres prints it (`RANGE (created_at)`); empty text makes the table
 * not partitioned. Validation says when the key is not one.
 */
export function setPartitionKey(design: Design, tableId: string, key: string): Design {
  const clean = key.trim();
  return mapTable(design, tableId, (t) => {
    const { partitionBy: old, ...rest } = t;
    if (clean === '') return old === undefined ? t : rest;
    const word = clean.split(/[\s(]/)[0]!.toUpperCase();
    const strategy = (PARTITION_STRATEGIES as readonly string[]).includes(word)
      ? (word as PartitionStrategy)
      : 'RANGE';
    if (old?.key === clean && old.strategy === strategy) return t;
    return { ...rest, partitionBy: { strategy, key: clean } };
  });
}

/** A partition's bound as Postgres prints it (`FOR VALUES IN ('eu')`, `DEFAULT`). */
export function setPartitionBound(design: Design, tableId: string, bound: string): Design {
  const clean = bound.trim();
  return mapTable(design, tableId, (t) =>
    t.partitionOf === undefined || t.partitionBound === clean ? t : { ...t, partitionBound: clean },
  );
}

export function moveTable(design: Design, tableId: string, position: Position): Design {
  const rounded = { x: Math.round(position.x), y: Math.round(position.y) };
  return mapTable(design, tableId, (t) => patched(t, { position: rounded }));
}

/** New positions of tables and of views and materialized views, by id. */
export function applyLayout(design: Design, positions: Record<string, Position>): Design {
  const placed = mapTables(design, (t) => {
    const p = positions[t.id];
    return p ? patched(t, { position: { x: Math.round(p.x), y: Math.round(p.y) } }) : t;
  });
  return moveObjects(placed, positions);
}

// ---- columns ------------------------------------------------------------------------------

export function addColumn(design: Design, tableId: string): { design: Design; columnId: string } {
  const table = findTable(design, tableId);
  if (!table) return { design, columnId: '' };
  const columnId = newId('c', designIds(design));
  const column = newColumn({
    id: columnId,
    name: nextFreeName(
      'column',
      table.columns.map((c) => c.name),
    ),
    type: 'TEXT',
  });
  return {
    design: mapTable(design, tableId, (t) => ({ ...t, columns: [...t.columns, column] })),
    columnId,
  };
}

/**
 * Applies `patch` to one column. A primary key is NOT NULL in Postgres, so making a column
 * a key makes it non-nullable. Changing the type of a referenced column changes the columns
 * that reference it too (when they matched before), so the keys stay valid.
 */
export function updateColumn(
  design: Design,
  tableId: string,
  columnId: string,
  patch: ColumnPatch,
): Design {
  const table = findTable(design, tableId);
  const column = table && findColumn(table, columnId);
  if (!column) return design;
  const clean: ColumnPatch = { ...patch };
  if ('name' in patch) {
    const name = cleanName(patch.name);
    if (name) clean.name = name;
    else delete clean.name;
  }
  if (patch.type !== undefined) {
    const type = canonicalType(design, patch.type);
    if (type) clean.type = type;
    else delete clean.type;
  }
  if (patch.comment !== undefined) clean.comment = cleanComment(patch.comment);
  if (patch.default !== undefined && patch.default !== null && !patch.default.sql.trim()) {
    clean.default = null;
  }
  if (clean.primaryKey === true) clean.nullable = false;
  if (clean.nullable === true && column.primaryKey && clean.primaryKey !== false) {
    delete clean.nullable;
  }
  // `patched` skips undefined values, so explicit nulls must be compared here.
  const next = patchedColumn(column, clean);
  if (next === column) return design;
  let result = mapTable(design, tableId, (t) => ({
    ...t,
    columns: mapItem(t.columns, columnId, () => next),
    ...(t.partitionBy && next.name !== column.name
      ? {
          partitionBy: {
            ...t.partitionBy,
            key: renameInPartitionKey(t.partitionBy.key, column.name, next.name),
          },
        }
      : {}),
  }));
  if (next.type !== column.type) result = retypeReferencingColumns(result, tableId, column, next);
  return result;
}

/** Fields a column has only when used: a patch of `undefined` removes them from the file. */
const OPTIONAL_COLUMN_FIELDS = ['identity', 'generated', 'collation'] as const;

function patchedColumn(column: Column, patch: ColumnPatch): Column {
  const changed = (Object.keys(patch) as (keyof ColumnPatch)[]).some(
    (key) => !sameValue(column[key], patch[key]),
  );
  if (!changed) return column;
  const next = { ...column, ...patch };
  for (const key of OPTIONAL_COLUMN_FIELDS) {
    if (key in patch && patch[key] === undefined) delete next[key];
  }
  return next;
}

function retypeReferencingColumns(
  design: Design,
  tableId: string,
  before: Column,
  after: Column,
): Design {
  const oldType = canonicalType(design, before.type);
  return mapTables(design, (t) => {
    const targets = new Set<string>();
    for (const fk of t.foreignKeys) {
      if (fk.references.table !== tableId) continue;
      fk.references.columns.forEach((ref, i) => {
        const own = fk.columns[i];
        if (ref === before.id && own) targets.add(own);
      });
    }
    if (targets.size === 0) return t;
    let changed = false;
    const columns = t.columns.map((c) => {
      if (!targets.has(c.id) || canonicalType(design, c.type) !== oldType) return c;
      changed = true;
      return { ...c, type: after.type };
    });
    return changed ? { ...t, columns } : t;
  });
}

export function moveColumn(
  design: Design,
  tableId: string,
  columnId: string,
  toIndex: number,
): Design {
  return mapTable(design, tableId, (t) => {
    const from = t.columns.findIndex((c) => c.id === columnId);
    const to = Math.max(0, Math.min(t.columns.length - 1, toIndex));
    if (from < 0 || from === to) return t;
    const columns = [...t.columns];
    const [moved] = columns.splice(from, 1);
    columns.splice(to, 0, moved!);
    return { ...t, columns };
  });
}

/**
 * Removes the column and every key that uses it: this table's foreign keys, uniques and
 * indexes that list it, and other tables' foreign keys that reference it. A multi-column
 * key losing one column would silently mean something else, so it goes as a whole.
 */
export function deleteColumn(design: Design, tableId: string, columnId: string): Design {
  const table = findTable(design, tableId);
  if (!table || !findColumn(table, columnId)) return design;
  return mapTables(design, (t) => {
    const refersToColumn = (fk: ForeignKey) =>
      fk.references.table === tableId && fk.references.columns.includes(columnId);
    if (t.id !== tableId) {
      return t.foreignKeys.some(refersToColumn)
        ? { ...t, foreignKeys: t.foreignKeys.filter((fk) => !refersToColumn(fk)) }
        : t;
    }
    const { exclusions: _exclusions, ...rest } = t;
    return {
      ...rest,
      columns: t.columns.filter((c) => c.id !== columnId),
      foreignKeys: t.foreignKeys.filter(
        (fk) => !fk.columns.includes(columnId) && !refersToColumn(fk),
      ),
      uniques: t.uniques.filter((u) => !u.columns.includes(columnId)),
      indexes: t.indexes.filter((i) => !i.columns.includes(columnId)),
      ...keptExclusions(t, columnId),
    };
  });
}

/** The exclusion constraints that do not use the column; absent when none is left. */
function keptExclusions(table: Table, columnId: string): Pick<Table, 'exclusions'> {
  const kept = (table.exclusions ?? []).filter(
    (x) => !x.include.includes(columnId) && !x.elements.some((e) => e.column === columnId),
  );
  return kept.length > 0 ? { exclusions: kept } : {};
}

// ---- foreign keys -------------------------------------------------------------------------

export function insertForeignKey(
  design: Design,
  tableId: string,
  foreignKey: Omit<ForeignKey, 'id' | keyof typeof FOREIGN_KEY_DEFAULTS> &
    Partial<typeof FOREIGN_KEY_DEFAULTS>,
): { design: Design; foreignKeyId: string } {
  const foreignKeyId = newId('f', designIds(design));
  return {
    design: mapTable(design, tableId, (t) => ({
      ...t,
      foreignKeys: [...t.foreignKeys, { id: foreignKeyId, ...FOREIGN_KEY_DEFAULTS, ...foreignKey }],
    })),
    foreignKeyId,
  };
}

export function updateForeignKey(
  design: Design,
  tableId: string,
  foreignKeyId: string,
  patch: ForeignKeyPatch,
): Design {
  const clean = { ...patch };
  if ('name' in patch) clean.name = cleanName(patch.name ?? undefined) ?? null;
  return mapTable(design, tableId, (t) => {
    const foreignKeys = mapItem(t.foreignKeys, foreignKeyId, (fk) => patchedNullable(fk, clean));
    return foreignKeys === t.foreignKeys ? t : { ...t, foreignKeys };
  });
}

export function deleteForeignKey(design: Design, tableId: string, foreignKeyId: string): Design {
  return mapTable(design, tableId, (t) => {
    const foreignKeys = without(t.foreignKeys, foreignKeyId);
    return foreignKeys === t.foreignKeys ? t : { ...t, foreignKeys };
  });
}

/** Like `patched`, but an explicit `null` in the patch is a value, not "leave alone". */
function patchedNullable<T extends object>(item: T, patch: Partial<T>): T {
  const keys = (Object.keys(patch) as (keyof T)[]).filter((k) => patch[k] !== undefined);
  return keys.some((k) => !sameValue(item[k], patch[k])) ? { ...item, ...patch } : item;
}

// ---- uniques, indexes, checks -------------------------------------------------------------

type TableList = 'uniques' | 'indexes' | 'checks';
type ListItem<K extends TableList> = Table[K][number];

function addToList<K extends TableList>(
  design: Design,
  tableId: string,
  list: K,
  prefix: 'u' | 'i' | 'k',
  item: Omit<ListItem<K>, 'id'>,
): { design: Design; id: string } {
  if (!findTable(design, tableId)) return { design, id: '' };
  const id = newId(prefix, designIds(design));
  const full = { id, ...item } as ListItem<K>;
  return {
    design: mapTable(design, tableId, (t) => ({ ...t, [list]: [...t[list], full] })),
    id,
  };
}

function updateInList<K extends TableList>(
  design: Design,
  tableId: string,
  list: K,
  id: string,
  patch: Partial<ListItem<K>>,
): Design {
  const clean = { ...patch } as Partial<ListItem<K>> & { name?: string | null };
  if ('name' in clean) clean.name = cleanName(clean.name ?? undefined) ?? null;
  return mapTable(design, tableId, (t) => {
    const items = mapItem(t[list] as ListItem<K>[], id, (item) => patchedNullable(item, clean));
    return items === t[list] ? t : { ...t, [list]: items };
  });
}

function deleteFromList(design: Design, tableId: string, list: TableList, id: string): Design {
  return mapTable(design, tableId, (t) => {
    const items = without<{ id: string }>(t[list], id);
    return items === t[list] ? t : { ...t, [list]: items };
  });
}

export function addUnique(design: Design, tableId: string, columns: string[]) {
  return addToList(design, tableId, 'uniques', 'u', { name: null, columns, ...UNIQUE_DEFAULTS });
}
export function updateUnique(design: Design, tableId: string, id: string, patch: UniquePatch) {
  return updateInList(design, tableId, 'uniques', id, patch);
}
export function deleteUnique(design: Design, tableId: string, id: string) {
  return deleteFromList(design, tableId, 'uniques', id);
}

export function addIndex(design: Design, tableId: string, columns: string[], unique = false) {
  return addToList(design, tableId, 'indexes', 'i', {
    name: null,
    columns,
    unique,
    ...INDEX_DEFAULTS,
  });
}
export function updateIndex(design: Design, tableId: string, id: string, patch: IndexPatch) {
  return updateInList(design, tableId, 'indexes', id, patch);
}
export function deleteIndex(design: Design, tableId: string, id: string) {
  return deleteFromList(design, tableId, 'indexes', id);
}

export function addCheck(design: Design, tableId: string, expression: string, name?: string) {
  return addToList(design, tableId, 'checks', 'k', {
    name: cleanName(name) ?? null,
    expression: expression.trim(),
    notValid: false,
    comment: null,
  });
}
export function updateCheck(design: Design, tableId: string, id: string, patch: CheckPatch) {
  const clean = { ...patch };
  if (patch.expression !== undefined) clean.expression = patch.expression.trim();
  return updateInList(design, tableId, 'checks', id, clean);
}
export function deleteCheck(design: Design, tableId: string, id: string) {
  return deleteFromList(design, tableId, 'checks', id);
}

// ---- exclusion constraints ----------------------------------------------------------------

/** A new `EXCLUDE USING gist (column WITH =)`, or btree when the column has no gist class. */
export function addExclusion(
  design: Design,
  tableId: string,
  columnId: string,
): { design: Design; id: string } {
  const table = findTable(design, tableId);
  const column = table && findColumn(table, columnId);
  if (!table || !column) return { design, id: '' };
  const id = newId('x', designIds(design));
  const range = /range$/i.test(column.type);
  const exclusion: ExclusionConstraint = {
    id,
    name: null,
    ...EXCLUSION_DEFAULTS,
    method: range ? 'gist' : 'btree',
    elements: [
      {
        column: columnId,
        expression: null,
        descending: false,
        nulls: null,
        opclass: null,
        collation: null,
        operator: range ? '&&' : '=',
      },
    ],
  };
  return {
    design: mapTable(design, tableId, (t) => ({
      ...t,
      exclusions: [...(t.exclusions ?? []), exclusion],
    })),
    id,
  };
}

export function updateExclusion(
  design: Design,
  tableId: string,
  id: string,
  patch: ExclusionPatch,
): Design {
  const clean = { ...patch };
  if ('name' in patch) clean.name = cleanName(patch.name ?? undefined) ?? null;
  if (patch.deferrable === false) clean.initiallyDeferred = false;
  return mapTable(design, tableId, (t) => {
    if (!t.exclusions) return t;
    const exclusions = mapItem(t.exclusions, id, (x) => patchedNullable(x, clean));
    return exclusions === t.exclusions ? t : { ...t, exclusions };
  });
}

export function deleteExclusion(design: Design, tableId: string, id: string): Design {
  return mapTable(design, tableId, (t) => {
    if (!t.exclusions) return t;
    const exclusions = without(t.exclusions, id);
    if (exclusions === t.exclusions) return t;
    const { exclusions: _all, ...rest } = t;
    return exclusions.length > 0 ? { ...rest, exclusions } : rest;
  });
}

// ---- enums --------------------------------------------------------------------------------

export function addEnum(
  design: Design,
  name?: string,
  values: string[] = [],
): { design: Design; enumId: string } {
  const enumId = newId('e', designIds(design));
  const enumType: EnumType = {
    id: enumId,
    name:
      cleanName(name) ??
      nextFreeName(
        'enum',
        design.enums.map((e) => e.name),
      ),
    values,
  };
  return { design: { ...design, enums: [...design.enums, enumType] }, enumId };
}

/** Renaming an enum renames it in the columns of that type too. */
export function updateEnum(design: Design, enumId: string, patch: EnumPatch): Design {
  const before = design.enums.find((e) => e.id === enumId);
  if (!before) return design;
  const clean: EnumPatch = {};
  const name = cleanName(patch.name);
  if (name) clean.name = name;
  if (patch.values) clean.values = patch.values.map((v) => v.trim()).filter((v) => v !== '');
  const after = patched<EnumType>(before, clean);
  if (after === before) return design;
  const result: Design = { ...design, enums: mapItem(design.enums, enumId, () => after) };
  return retypeEnumColumns(result, before, after);
}

/** Moves an enum to another schema ("" or "public" for public); its columns follow it. */
export function setEnumSchema(design: Design, enumId: string, schema: string): Design {
  const before = design.enums.find((e) => e.id === enumId);
  if (!before) return design;
  const clean = schema.trim() === '' ? DEFAULT_SCHEMA : schema.trim();
  if ((before.schema ?? DEFAULT_SCHEMA) === clean) return design;
  const { schema: _old, ...rest } = before;
  const after: EnumType = clean === DEFAULT_SCHEMA ? rest : { ...rest, schema: clean };
  const result: Design = { ...design, enums: mapItem(design.enums, enumId, () => after) };
  return retypeEnumColumns(result, before, after);
}

/** Columns of an enum (and arrays of it) name it as it is now called, schema and all. */
function retypeEnumColumns(design: Design, before: EnumType, after: EnumType): Design {
  const from = objectQualifiedName(before);
  const to = objectQualifiedName(after);
  if (from === to) return design;
  const retyped = (type: string) => (type === from ? to : type === `${from}[]` ? `${to}[]` : null);
  return mapTables(design, (t) =>
    t.columns.some((c) => retyped(c.type) !== null)
      ? {
          ...t,
          columns: t.columns.map((c) => {
            const type = retyped(c.type);
            return type === null ? c : { ...c, type };
          }),
        }
      : t,
  );
}

export function deleteEnum(design: Design, enumId: string): Design {
  const enums = without(design.enums, enumId);
  return enums === design.enums ? design : { ...design, enums };
}
