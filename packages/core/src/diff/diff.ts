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
  return directionKey(before) <= directionKey(after)
    ? plan(before, after)
    : reverseOperations(plan(after, before));
}

/**
 * What the plan reads of a design, and nothing else: moving or colouring a table on the
 * canvas, notes, areas or renaming the design must not flip the canonical direction, which would reorder the
 * operations shown for the same schema change.
 */
function directionKey(design: Design): string {
  return JSON.stringify({
    enums: design.enums,
    tables: design.tables.map(({ position: _position, color: _color, ...table }) => table),
    objects: design.objects,
  });
}
