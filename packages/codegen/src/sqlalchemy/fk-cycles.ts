import type { Catalog } from '@retort/core';

/**
 * The foreign keys that close a cycle between tables (`"orders.orders_user_id_fkey"`), found
 * by a depth-first walk in table order: without them the tables can be created in
 * dependency order, and they are added by `ALTER TABLE` after (SQLAlchemy's `use_alter`).
 * A self-reference is no cycle: Postgres takes it inside `CREATE TABLE`.
 */
export function cycleClosingKeys(catalog: Catalog, tableOrder: readonly string[]): Set<string> {
  const tables = new Map(catalog.tables.map((t) => [t.name, t]));
  const closing = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (name: string) => {
    state.set(name, 'open');
    const table = tables.get(name);
    for (const fk of table?.foreignKeys ?? []) {
      if (fk.refTable === name || !tables.has(fk.refTable)) continue;
      const seen = state.get(fk.refTable);
      if (seen === 'open') closing.add(`${name}.${fk.name}`);
      else if (seen === undefined) visit(fk.refTable);
    }
    state.set(name, 'done');
  };
  for (const name of tableOrder) if (!state.has(name)) visit(name);
  return closing;
}
