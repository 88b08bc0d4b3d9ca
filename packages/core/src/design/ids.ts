/** Every id a design uses: enums, tables, each table's columns and constraints, sequences. */
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
  for (const s of design.sequences ?? []) ids.add(s.id);
  return ids;
}
