import { DESIGN_FORMAT, type Design } from '@retort/core';

/** The schema before the first revision: no enums, no tables. */
export function emptyDesignNamed(name: string): Design {
  return { format: DESIGN_FORMAT, name, enums: [], tables: [] };
}
