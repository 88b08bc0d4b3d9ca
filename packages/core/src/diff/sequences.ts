/**
 * Standalone sequences, matched by id. A sequence is created before the columns whose
 * defaults call it and owned by its column once that column exists; an owner that changes or
 * goes is cleared first, before any table or column is dropped (Postgres drops an owned
 * sequence with its column). Options and comment change in place, a rename or a move to
 * another schema keeps the sequence's value, and a sequence that goes is dropped once no
 * default calls it.
 */

import type { CatalogSequence, CatalogSequenceOwner } from '../catalog/types';
import type { Design, Sequence } from '../design/types';
import { objectQualifiedName } from '../naming/qualified-names';
import { sameJson } from '../same-json';
import { catalogSequence } from '../sequences/catalog';
import type { PlanContext } from './context';

interface SequencePairs {
  kept: { before: Sequence; after: Sequence }[];
  dropped: Sequence[];
  created: Sequence[];
}

function pairs(ctx: PlanContext): SequencePairs {
  const before = ctx.before.sequences ?? [];
  const after = ctx.after.sequences ?? [];
  const afterById = new Map(after.map((s) => [s.id, s]));
  const beforeIds = new Set(before.map((s) => s.id));
  return {
    kept: before.flatMap((b) => {
      const a = afterById.get(b.id);
      return a ? [{ before: b, after: a }] : [];
    }),
    dropped: before.filter((s) => !afterById.has(s.id)),
    created: after.filter((s) => !beforeIds.has(s.id)),
  };
}

const sameOwner = (a: CatalogSequenceOwner | null, b: CatalogSequenceOwner | null) =>
  a === b || (a !== null && b !== null && a.table === b.table && a.column === b.column);

/** The owner by ids: the same ids are the same column, whatever it is called now. */
function ownerIds(s: Sequence): string | null {
  return s.ownedBy === null ? null : `${s.ownedBy.table}\0${s.ownedBy.column}`;
}

function catalogOf(design: Design, s: Sequence): CatalogSequence {
  return catalogSequence(s, design);
}

/** Owners that change or go are cleared while every table and column is still there. */
export function clearSequenceOwners(ctx: PlanContext): void {
  const { kept, dropped } = pairs(ctx);
  const clear = [
    ...dropped,
    ...kept.filter((p) => ownerIds(p.before) !== ownerIds(p.after)).map((p) => p.before),
  ];
  for (const s of clear) {
    if (s.ownedBy === null) continue;
    const current = ctx.state.sequence(objectQualifiedName(s));
    if (!current || current.ownedBy === null) continue;
    ctx.emit({
      kind: 'set_sequence_owner',
      sequence: current.name,
      from: current.ownedBy,
      to: null,
    });
  }
}

/** Where a kept sequence is now: a table moved to another schema took its owned sequences. */
function currentName(ctx: PlanContext, p: { before: Sequence; after: Sequence }): string {
  const was = objectQualifiedName(p.before);
  if (ctx.state.sequence(was)) return was;
  return objectQualifiedName({ schema: p.after.schema, name: p.before.name });
}

/** Runs after tables move and are renamed. */
export function renameSequences(ctx: PlanContext): void {
  for (const p of pairs(ctx).kept) {
    const from = currentName(ctx, p);
    const to = objectQualifiedName(p.after);
    if (from !== to) ctx.emit({ kind: 'rename_sequence', from, to });
  }
}

/**
 * Sequences that come are created, owned by no column yet, and changed ones altered; before
 * columns change and are added, so their defaults can call them. A sequence that goes first
 * steps aside here when a new one takes its name.
 */
export function createSequences(ctx: PlanContext): void {
  const { kept, dropped, created } = pairs(ctx);
  const wanted = new Set((ctx.after.sequences ?? []).map(objectQualifiedName));
  for (const s of dropped) {
    if (wanted.has(objectQualifiedName(s))) dropSequence(ctx, s);
  }
  for (const s of created) {
    ctx.emit({
      kind: 'create_sequence',
      sequence: { ...catalogOf(ctx.after, s), ownedBy: null },
    });
  }
  for (const p of kept) {
    const current = ctx.state.sequence(objectQualifiedName(p.after))!;
    const after = { ...catalogOf(ctx.after, p.after), ownedBy: current.ownedBy };
    if (!sameJson(current, after)) {
      ctx.emit({ kind: 'alter_sequence', before: current, after });
    }
  }
}

function dropSequence(ctx: PlanContext, s: Sequence): void {
  const current = ctx.state.sequence(objectQualifiedName(s));
  if (current) ctx.emit({ kind: 'drop_sequence', sequence: current });
}

/** Sequences that go, once no column default calls them. */
export function dropSequences(ctx: PlanContext): void {
  const wanted = new Set((ctx.after.sequences ?? []).map(objectQualifiedName));
  for (const s of pairs(ctx).dropped) {
    if (!wanted.has(objectQualifiedName(s))) dropSequence(ctx, s);
  }
}

/** Owners are set once every column exists. */
export function setSequenceOwners(ctx: PlanContext): void {
  for (const s of ctx.after.sequences ?? []) {
    if (s.ownedBy === null) continue;
    const current = ctx.state.sequence(objectQualifiedName(s));
    const to = catalogOf(ctx.after, s).ownedBy;
    if (current && !sameOwner(current.ownedBy, to)) {
      ctx.emit({ kind: 'set_sequence_owner', sequence: current.name, from: current.ownedBy, to });
    }
  }
}
