/** A table's exclusion constraints for a copy of it: new ids, the copy's column ids. */
import type { Table } from '../types';

export function copyExclusions(
  table: Table,
  freshId: () => string,
  column: (id: string) => string,
  name: (name: string | null) => string | null,
): Pick<Table, 'exclusions'> {
  if (!table.exclusions) return {};
  return {
    exclusions: table.exclusions.map((x) => ({
      ...x,
      id: freshId(),
      name: name(x.name),
      elements: x.elements.map((e) => ({
        ...e,
        column: e.column === null ? null : column(e.column),
      })),
      include: x.include.map(column),
    })),
  };
}
