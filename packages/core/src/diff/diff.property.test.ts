/**
 * Properties of the diff over generated designs and edits (fast-check, seeded):
 * exact reverses, no-op on equal designs, renames as renames, and agreement with toCatalog.
 */
import { arbDesign, arbDesignEditWithKind, arbDesignPair } from '@retort/testing/arbitraries';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCatalogDifferences } from '../catalog/compare';
import { toCatalog } from '../catalog/from-design';
import type { Catalog } from '../catalog/types';
import type { Design } from '../design/types';
import { applyOperations } from '../operations/apply';
import { reverseOperation, reverseOperations } from '../operations/reverse';
import { diff } from './diff';
import { inColumnOrder, revisionSnapshot } from './snapshot';

/**
 * Where Postgres puts the columns once `diff(a, b)` has run, worked out independently of the
 * diff: the columns `a` had, in `a`'s order, then the new ones in `b`'s order (every added
 * column is appended; nothing reorders columns).
 */
function inDatabaseOrder(a: Design, b: Design): Design {
  const before = new Map(a.tables.map((t) => [t.id, t.columns.map((c) => c.id)]));
  return {
    ...b,
    tables: b.tables.map((t) => {
      const old = before.get(t.id);
      if (!old) return t;
      const rank = (id: string) => {
        const i = old.indexOf(id);
        return i >= 0 ? i : old.length + t.columns.findIndex((c) => c.id === id);
      };
      return inColumnOrder(
        t,
        [...t.columns].sort((x, y) => rank(x.id) - rank(y.id)),
      );
    }),
  };
}

/** The differences the chain check would report (`catalogsEqual`, column order included). */
function chainCheck(expected: Design, produced: Catalog): string[] {
  return describeCatalogDifferences(toCatalog(expected), produced);
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

  it('the operations produce the revision snapshot exactly as the chain checks it, and back', () => {
    fc.assert(
      fc.property(arbPair, ({ a, b }) => {
        const up = diff(a, b);
        const snapshot = revisionSnapshot(a, b, up);
        // A design whose new columns come last is its own snapshot, column order included.
        expect(snapshot).toEqual(inDatabaseOrder(a, b));
        expect(chainCheck(snapshot, applyOperations(toCatalog(a), up))).toEqual([]);
        // The next revision goes back to `a` from what the database now holds.
        const down = diff(snapshot, a);
        const back = revisionSnapshot(snapshot, a, down);
        expect(back).toEqual(inDatabaseOrder(snapshot, a));
        expect(chainCheck(back, applyOperations(toCatalog(snapshot), down))).toEqual([]);
      }),
      RUNS,
    );
  }, 120_000);

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
