/**
 * Comparing one table's keys, uniques, indexes and checks across a change. A constraint is
 * matched by what it does once the renames are applied (its columns and target by their new
 * names), so renaming a column keeps its keys; a matched one whose name differs is renamed,
 * since Postgres keeps the old default name (`users_pkey` stays after renaming `users`).
 */
import type {
  CatalogCheck,
  CatalogForeignKey,
  CatalogIndex,
  CatalogPrimaryKey,
  CatalogTable,
  CatalogUnique,
} from '../catalog/types';
import { renameColumnsInExpression } from '../operations/expression-rename';

/** How names change: tables by their old name, and each table's columns. */
export interface NameMap {
  table(oldName: string): string | undefined;
  column(oldTable: string, oldColumn: string): string | undefined;
}

export interface Matched<T> {
  kept: { before: T; after: T }[];
  dropped: T[];
  created: T[];
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
  JSON.stringify([columns, refTable, refColumns, fk.onDelete, fk.onUpdate]);

export interface TableConstraints {
  primaryKey: Matched<CatalogPrimaryKey>;
  foreignKeys: Matched<CatalogForeignKey>;
  uniques: Matched<CatalogUnique>;
  indexes: Matched<CatalogIndex>;
  checks: Matched<CatalogCheck>;
}

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
      (pk) => setKey(pk.columns),
      after.primaryKey ? [after.primaryKey] : [],
      (pk) => JSON.stringify(pk.columns),
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
      (u) => setKey(u.columns),
      after.uniques,
      (u) => JSON.stringify(u.columns),
    ),
    indexes: match(
      before.indexes,
      (i) => {
        const key = setKey(i.columns);
        return key === null ? null : `${key}${i.unique}`;
      },
      after.indexes,
      (i) => `${JSON.stringify(i.columns)}${i.unique}`,
    ),
    checks: match(
      before.checks,
      (k) => renameColumnsInExpression(k.expression, renames),
      after.checks,
      (k) => k.expression,
    ),
  };
}
