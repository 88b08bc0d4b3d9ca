/**
 * A check that becomes valid is validated in place; one that becomes NOT VALID again is
 * dropped and added back NOT VALID, as Postgres cannot un-validate. An index comment changes
 * alone. Lint warns only where rows are checked.
 */
import { constraintsDesign, constraintsDesignBefore } from '@retort/testing/constraints-design';
import { describe, expect, it } from 'vitest';
import { toCatalog } from '../catalog/from-design';
import { lintOperations } from '../lint/lint';
import { applyOperations } from '../operations/apply';
import { reverseOperations } from '../operations/reverse';
import { diff } from './diff';

describe('check validity and index comments in the diff', () => {
  it('validates a check, changes a comment, and reverses both exactly', () => {
    const up = diff(constraintsDesign, constraintsDesignBefore);
    expect(up).toEqual([
      {
        kind: 'set_check_validity',
        table: 'rooms',
        check: { name: 'rooms_name_not_blank', expression: "name <> ''", notValid: true },
        valid: true,
      },
      {
        kind: 'set_index_comment',
        table: 'rooms',
        index: 'rooms_floor_idx',
        from: 'Rooms by floor',
        to: null,
      },
    ]);
    expect(diff(constraintsDesignBefore, constraintsDesign)).toEqual(reverseOperations(up));
    expect(applyOperations(toCatalog(constraintsDesign), up)).toEqual(
      toCatalog(constraintsDesignBefore),
    );
  });

  it('lints validating as a check of every row, and adding a NOT VALID check as nothing', () => {
    const validate = lintOperations(diff(constraintsDesign, constraintsDesignBefore));
    expect(validate.map((f) => f.code)).toEqual(['CD101']);
    expect(validate[0]!.message).toBe(
      "Validating check rooms_name_not_blank on rooms fails if any row does not satisfy name <> ''.",
    );
    expect(lintOperations(diff(constraintsDesignBefore, constraintsDesign))).toEqual([]);
  });
});
