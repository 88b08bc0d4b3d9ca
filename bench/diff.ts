/**
 * Diffing two 1000-table designs that differ in 5% of their columns (type changes, renames,
 * added and dropped columns, spread evenly), the diff's time (median of runs) and memory,
 * plus rendering the result as SQL and as an Alembic revision.
 */
import { emitAlembicRevision, renderMigrationSql } from '@retort/codegen';
import { type Design, diff, lintOperations } from '@retort/core';
import { largeDesign } from '@retort/testing/large-design';
import type { Measurement } from './timing';
import { median } from './timing';

/**
 * `design` with every twentieth column (keys aside) changed: in turn retyped, renamed,
 * dropped, or joined by a new one.
 */
export function changedDesign(design: Design): { design: Design; changed: number } {
  const next = structuredClone(design);
  let n = 0;
  let changed = 0;
  for (const table of next.tables) {
    const kept = [];
    for (const column of table.columns) {
      if (column.primaryKey || column.name === 'parent_id' || ++n % 20 !== 0) {
        kept.push(column);
        continue;
      }
      changed++;
      switch ((n / 20) % 4) {
        case 0:
          kept.push({ ...column, type: column.type === 'TEXT' ? 'VARCHAR(100)' : 'TEXT' });
          break;
        case 1:
          kept.push({ ...column, name: `${column.name}_renamed` });
          break;
        case 2:
          break; // dropped
        default:
          kept.push(column, { ...column, id: `${column.id}_new`, name: `${column.name}_new` });
      }
    }
    table.columns = kept;
  }
  return { design: next, changed };
}

export async function benchDiff(): Promise<Measurement[]> {
  const before = largeDesign(1000);
  const { design: after, changed } = changedDesign(before);
  const columns = before.tables.reduce((sum, t) => sum + t.columns.length, 0);
  const ops = diff(before, after);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const time = median(() => {
    diff(before, after);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 7);
  return [
    { name: `diff 1000 tables (${columns} columns, ${changed} changed)`, value: time, unit: 'ms' },
    { name: 'diff operations', value: ops.length, unit: 'ops' },
    {
      name: 'diff heap growth (peak over start)',
      value: (peak - heapBefore) / 1024 / 1024,
      unit: 'MiB',
    },
    {
      name: 'heap used after diff',
      value: process.memoryUsage().heapUsed / 1024 / 1024,
      unit: 'MiB',
    },
    { name: 'lint the operations', value: median(() => lintOperations(ops)), unit: 'ms' },
    {
      name: 'render upgrade+downgrade SQL',
      value: median(() => renderMigrationSql(ops)),
      unit: 'ms',
    },
    {
      name: 'render Alembic revision',
      value: median(() =>
        emitAlembicRevision({
          id: '0123456789ab',
          parent: null,
          message: 'bench',
          createdAt: '2024-01-01T00:00:00Z',
          operations: ops,
          enums: [],
        }),
      ),
      unit: 'ms',
    },
  ];
}
