/**
 * `diff(before, after)`: the operations that turn the schema of one design into the other's.
 *
 * A pipeline of comparers by family feeding one ordering pass (plan.ts): matching by id
 * (match.ts), then enums (enums.ts), tables (tables.ts), columns (columns.ts) and
 * constraints (constraints.ts), sharing one context (context.ts). Tables, columns and enums
 * are matched by id, so a rename is a rename and keeps the data; constraints are matched
 * by what they do.
 *
 * Exact reverse: `diff(b, a)` must equal `reverseOperations(diff(a, b))`, and a fixed phase
 * order cannot give that once renames and alters mix (the reverse of "rename, then alter"
 * is "alter, then rename"). So the plan is computed in one canonical direction only, the
 * one from the design whose schema JSON (canvas positions left out) sorts first, and the
 * other direction is its exact reverse.
 * The reverse of a valid run is a valid run (each reversed step meets the state its
 * original left), so both directions are valid migrations and the property holds by
 * construction.
 */
import type { Design } from '../design/types';
import { reverseOperations } from '../operations/reverse';
import type { Operation } from '../operations/types';
import { plan } from './plan';

export function diff(before: Design, after: Design): Operation[] {
  return directionKeyAtMost(before, after)
    ? plan(before, after)
    : reverseOperations(plan(after, before));
}

/**
 * Whether the direction key of `a` sorts at or before that of `b`: the key is the JSON of
 * what the plan reads of a design, and nothing else (moving or colouring a table on the
 * canvas, notes, areas or renaming the design must not flip the canonical direction, which
 * would reorder the operations shown for the same schema change). The two keys are written
 * table by table and compared as they are written, so two designs that differ early are
 * told apart without writing either whole.
 */
function directionKeyAtMost(a: Design, b: Design): boolean {
  const left = directionKeyParts(a);
  const right = directionKeyParts(b);
  let x = '';
  let y = '';
  for (;;) {
    while (x === '') {
      const next = left.next();
      if (next.done) return true; // a's key is a prefix of b's, or equal to it
      x = next.value;
    }
    while (y === '') {
      const next = right.next();
      if (next.done) return false; // b's key is a proper prefix of a's
      y = next.value;
    }
    const n = Math.min(x.length, y.length);
    if (x.slice(0, n) !== y.slice(0, n)) {
      let i = 0;
      while (x.charCodeAt(i) === y.charCodeAt(i)) i++;
      return x.charCodeAt(i) < y.charCodeAt(i);
    }
    x = x.slice(n);
    y = y.slice(n);
  }
}

/**
 * `JSON.stringify({ enums, tables, objects, domains, compositeTypes, extensions, sequences })` of a design, tables without position or
 * colour, in parts.
 */
function* directionKeyParts(design: Design): Generator<string> {
  yield `{"enums":${JSON.stringify(design.enums)},"tables":[`;
  for (let i = 0; i < design.tables.length; i++) {
    const { position: _position, color: _color, ...table } = design.tables[i]!;
    yield `${i === 0 ? '' : ','}${JSON.stringify(table)}`;
  }
  // JSON.stringify leaves out a key whose value is undefined.
  yield design.objects === undefined ? ']' : `],"objects":${JSON.stringify(design.objects)}`;
  const { domains, compositeTypes, extensions, sequences } = design;
  const types = JSON.stringify({ domains, compositeTypes, extensions, sequences }).slice(1, -1);
  yield types === '' ? '}' : `,${types}}`;
}
