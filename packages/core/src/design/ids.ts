/** Every id a design uses: enums, tables, and each table's columns and constraints. */
import type { Design } from './types';

export function designIds(design: Design): Set<string> {
  const ids = new Set<string>();
  for (const e of design.enums) ids.add(e.id);
  for (const t of design.tables) {
    ids.add(t.id);
    for (const list of [
      t.columns,
      t.foreignKeys,
      t.uniques,
      t.indexes,
      t.checks,
      t.exclusions ?? [],
    ]) {
      for (const item of list) ids.add(item.id);
    }
  }
  return ids;
}
