/**
 * Properties of the diff over generated designs and edits (fast-check, seeded):
 * exact reverses, no-op on equal designs, renames as renames, and agreement with toCatalog.
 */
import { arbDesign, arbDesignEditWithKind, arbDesignPair } from '@retort/testing/arbitraries';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCatalog } from '../catalog/from-design';
import type { Catalog } from '../catalog/types';
import { applyOperations } from '../operations/apply';
import { reverseOperation, reverseOperations } from '../operations/reverse';
import { diff } from './diff';

/**
 * Postgres appends every added column, so a column dropped and added back (or added by the
 * reverse of a drop) ends up last: the catalogs agree up to column order.
 */
function withSortedColumns(catalog: Catalog): Catalog {
  return {
    ...catalog,
    tables: catalog.tables.map((t) => ({
      ...t,
      columns: [...t.columns].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)),
    })),
  };
}

const RUNS = { numRuns: 200, seed: 20260701 };

const arbPair = arbDesignPair();

describe('diff properties', () => {
  it('reversing an operation twice gives it back', () => {
    fc.assert(
      fc.property(arbPair, ({ a, b }) => {
        for (const op of diff(a, b)) expect(reverseOperation(reverseOperation(op))).toEqual(op);
      }),
      RUNS,
    );
  });

  it('a design compared with itself gives no operations', () => {
    fc.assert(
      fc.property(arbDesign(), (a) => {
        expect(diff(a, a)).toEqual([]);
        expect(diff(a, structuredClone(a))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('diff(b, a) is the exact reverse of diff(a, b)', () => {
    fc.assert(
      fc.property(arbPair, ({ a, b }) => {
        expect(diff(b, a)).toEqual(reverseOperations(diff(a, b)));
      }),
      RUNS,
    );
  });

  it('the operations turn the catalog of a into the catalog of b, and back', () => {
    fc.assert(
      fc.property(arbPair, ({ a, b }) => {
        const applied = applyOperations(toCatalog(a), diff(a, b));
        expect(withSortedColumns(applied)).toEqual(withSortedColumns(toCatalog(b)));
        expect(withSortedColumns(applyOperations(toCatalog(b), diff(b, a)))).toEqual(
          withSortedColumns(toCatalog(a)),
        );
      }),
      RUNS,
    );
  });

  it('renaming a table or a column gives rename operations only', () => {
    const arbRename = arbDesign().chain((a) =>
      arbDesignEditWithKind(a, ['renameTable', 'renameColumn']).map((edit) => ({ a, edit })),
    );
    fc.assert(
      fc.property(arbRename, ({ a, edit }) => {
        const ops = diff(a, edit.design);
        if (edit.kind === 'addColumn') return; // not applicable to this design
        expect(ops.length).toBeGreaterThan(0);
        for (const op of ops) {
          if (op.kind === 'alter_column') {
            expect({ ...op.before, name: op.after.name }).toEqual(op.after);
          } else {
            expect(['rename_table', 'rename_constraint', 'rename_index']).toContain(op.kind);
          }
        }
      }),
      RUNS,
    );
  });
});
