/** Test support: a change between two designs checked on catalogs alone, without a database. */
import { expect } from 'vitest';
import { toCatalog } from '../catalog/from-design';
import type { Design } from '../design/types';
import { diff } from '../diff/diff';
import { applyOperations } from '../operations/apply';
import { reverseOperation, reverseOperations } from '../operations/reverse';
import type { Operation } from '../operations/types';

/**
 * Expects `diff(a, b)` to lead from `a`'s catalog to `b`'s and its reverse back to `a`'s, the
 * diff the other way to be that reverse, and each operation's reverse to be exact; returns
 * `diff(a, b)`.
 */
export function expectRoundTrip(a: Design, b: Design): Operation[] {
  const ops = diff(a, b);
  expect(applyOperations(toCatalog(a), ops)).toEqual(toCatalog(b));
  expect(applyOperations(toCatalog(b), reverseOperations(ops))).toEqual(toCatalog(a));
  expect(diff(b, a)).toEqual(reverseOperations(ops));
  for (const op of ops) expect(reverseOperation(reverseOperation(op))).toEqual(op);
  return ops;
}
