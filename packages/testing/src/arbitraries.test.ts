import { toCatalog, validateDesign } from '@retort/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbDesign,
  arbDesignEditWithKind,
  arbTableEdits,
  DESIGN_EDITS,
  type DesignEditKind,
} from './arbitraries';

describe('arbitraries', () => {
  it('arbDesign makes valid designs of 1 to 6 tables', () => {
    fc.assert(
      fc.property(arbDesign(), (design) => {
        expect(validateDesign(design).problems).toEqual([]);
        expect(design.tables.length).toBeGreaterThanOrEqual(1);
        expect(design.tables.length).toBeLessThanOrEqual(6);
        expect(() => toCatalog(design)).not.toThrow();
      }),
      { numRuns: 300, seed: 20261125, endOnFailure: true },
    );
  });

  it('arbDesignEdit keeps designs valid, and every kind of edit happens', () => {
    const seen = new Set<DesignEditKind>();
    fc.assert(
      fc.property(
        arbDesign().chain((design) =>
          arbDesignEditWithKind(design).map((edit) => ({ design, edit })),
        ),
        ({ design, edit }) => {
          seen.add(edit.kind);
          expect(validateDesign(edit.design).problems).toEqual([]);
          expect(edit.design).not.toEqual(design);
        },
      ),
      { numRuns: 800, seed: 20261125, endOnFailure: true },
    );
    expect([...seen].sort()).toEqual(Object.keys(DESIGN_EDITS).sort());
  }, 240_000);

  it('arbTableEdits edits one table several times and keeps designs valid', () => {
    fc.assert(
      fc.property(
        arbDesign().chain((design) => arbTableEdits(design).map((edited) => ({ design, edited }))),
        ({ design, edited }) => {
          expect(validateDesign(edited).problems).toEqual([]);
          const changed = edited.tables.filter(
            (t) => JSON.stringify(t) !== JSON.stringify(design.tables.find((x) => x.id === t.id)),
          );
          expect(changed.length).toBeLessThanOrEqual(1);
          expect(edited.tables.map((t) => t.id)).toEqual(design.tables.map((t) => t.id));
        },
      ),
      { numRuns: 300, seed: 20261125, endOnFailure: true },
    );
  });
});
