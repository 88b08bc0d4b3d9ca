/**
 * Leaving the untouched tables out of the plan (match.ts) is only a saving: over generated
 * designs and edits, in both directions, the plan is the same operation for operation as the
 * one that compares every table.
 */
import { arbDesignPair } from '@retort/testing/arbitraries';
import { largeDesign } from '@retort/testing/large-design';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Design } from '../design/types';
import { designCatalog } from './catalogs';
import { plan } from './plan';

const RUNS = { numRuns: 300, seed: 20261201 };

const everyTable = (a: Design, b: Design) => plan(a, b, { skipUntouched: false });

/** Frozen all the way down: a plan that changed an untouched table in place would throw. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

describe('untouched tables', () => {
  it('leaving them out changes no plan, in either direction', () => {
    fc.assert(
      fc.property(arbDesignPair(), ({ a, b }) => {
        deepFreeze(designCatalog(a));
        deepFreeze(designCatalog(b));
        expect(plan(a, b)).toEqual(everyTable(a, b));
        expect(plan(b, a)).toEqual(everyTable(b, a));
      }),
      RUNS,
    );
  });

  it('on a large design, a change to a few tables plans the same as comparing all of them', () => {
    const before = largeDesign(60);
    const after = structuredClone(before);
    after.tables[3]!.columns[1]!.type = 'TEXT';
    after.tables[7]!.columns.push({ ...after.tables[7]!.columns[1]!, id: 'new', name: 'added' });
    after.tables[9]!.comment = 'kept, with a comment';
    const ops = plan(before, after);
    expect(ops.map((op) => op.kind).sort()).toEqual([
      'add_column',
      'alter_column',
      'set_table_comment',
    ]);
    expect(ops).toEqual(everyTable(before, after));
    expect(plan(after, before)).toEqual(everyTable(after, before));
  });

  it('a column made anew under the same name is dropped and added, not left alone', () => {
    const before = largeDesign(12);
    const after = structuredClone(before);
    after.tables[5]!.columns[2]!.id = 'made-anew';
    const ops = plan(before, after);
    expect(ops.map((op) => op.kind)).toEqual(['drop_column', 'add_column']);
    expect(ops).toEqual(everyTable(before, after));
  });

  it('keys pointing at a table made anew under the same name are dropped and made again', () => {
    const before = largeDesign(12);
    const after = structuredClone(before);
    const fresh = after.tables[0]!;
    fresh.id = 'fresh';
    for (const table of after.tables) {
      for (const fk of table.foreignKeys) {
        if (fk.references.table === 't0') fk.references = { table: 'fresh', columns: ['t0_id'] };
      }
    }
    const ops = plan(before, after);
    const pointing = before.tables.filter((t) =>
      t.foreignKeys.some((fk) => fk.references.table === 't0'),
    );
    expect(pointing.length).toBeGreaterThan(0);
    expect(ops.filter((op) => op.kind === 'drop_foreign_key')).toHaveLength(pointing.length);
    expect(ops.filter((op) => op.kind === 'create_foreign_key')).toHaveLength(pointing.length);
    expect(ops).toEqual(everyTable(before, after));
  });
});
