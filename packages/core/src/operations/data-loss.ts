/**
 * What a downgrade cannot give back. Dropping a column or a table deletes its values, and the
 * reverse operation creates the column or the table again, empty: the review, the preflight
 * and the downgrade itself say so in the same words.
 */
import type { Operation } from './types';

export const NOT_RESTORED = 'a downgrade cannot bring dropped data back';

/**
 * For a revision about to be downgraded: one sentence per column or table its operations
 * dropped, which the downgrade adds back empty.
 */
export function downgradeLosses(revision: string, operations: readonly Operation[]): string[] {
  return operations.flatMap((op) => {
    if (op.kind === 'drop_column') {
      return [
        `Downgrading ${revision} adds column ${op.table}.${op.column.name} back empty: ${NOT_RESTORED}.`,
      ];
    }
    if (op.kind === 'drop_table') {
      return [
        `Downgrading ${revision} creates table ${op.table.name} again empty: ${NOT_RESTORED}.`,
      ];
    }
    return [];
  });
}
