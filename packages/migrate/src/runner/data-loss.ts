/**
 * What a run would throw away: each table, column and enum its statements drop, with the
 * rows (for a column: the non-NULL values) the database holds there now. Counted inside the
 * run's own transaction just before the step's statements, so a dry run sees each step as
 * the database would be at that point, and rolls everything back.
 */
import { type Operation, quoteIdentifier as q } from '@retort/core';
import type { DataLoss, Queryable } from '../contract';

export async function countDataLoss(
  db: Queryable,
  operations: readonly Operation[],
  offset = 0,
): Promise<DataLoss[]> {
  const lost: DataLoss[] = [];
  for (const [index, op] of operations.entries()) {
    const operation = index + offset;
    switch (op.kind) {
      case 'drop_table':
        lost.push({
          operation,
          kind: 'table',
          table: op.table.name,
          name: op.table.name,
          rows: await count(db, `SELECT count(*) AS n FROM ${q(op.table.name)}`),
        });
        break;
      case 'drop_column':
        lost.push({
          operation,
          kind: 'column',
          table: op.table,
          name: op.column.name,
          rows: await count(
            db,
            `SELECT count(*) AS n FROM ${q(op.table)} WHERE ${q(op.column.name)} IS NOT NULL`,
          ),
        });
        break;
      case 'drop_enum':
        // An enum's values live in columns, which are dropped (and counted) on their own.
        lost.push({ operation, kind: 'enum', table: null, name: op.enum.name, rows: 0 });
        break;
      default:
        break;
    }
  }
  return lost;
}

/** A count that cannot run (the table is not there) loses nothing and leaves the transaction usable. */
async function count(db: Queryable, sql: string): Promise<number> {
  await db.exec('SAVEPOINT retort_data_loss');
  try {
    const { rows } = await db.query<{ n: string | number }>(sql);
    await db.exec('RELEASE SAVEPOINT retort_data_loss');
    return Number(rows[0]?.n ?? 0);
  } catch {
    await db.exec('ROLLBACK TO SAVEPOINT retort_data_loss');
    return 0;
  }
}
