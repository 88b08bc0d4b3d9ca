/**
 * The editor's edits of standalone sequences: add one with Postgres' defaults, change its
 * fields, delete it. A rename or a move to another schema renames it in the column defaults
 * that call it, as Postgres shows them after `ALTER SEQUENCE ... RENAME`.
 */

import { objectQualifiedName } from '../../naming/qualified-names';
import { sameJson } from '../../same-json';
import { renameSequenceInDefault } from '../../sequences/catalog';
import { designIds } from '../ids';
import type { Design, Sequence } from '../types';
import { newId, nextFreeName } from './new-id';

export type SequencePatch = Partial<Omit<Sequence, 'id'>>;

/** A new bigint sequence in public, owned by no column; returns the design and its id. */
export function addSequence(design: Design, name?: string): { design: Design; id: string } {
  const sequences = design.sequences ?? [];
  const id = newId('s', designIds(design));
  const sequence: Sequence = {
    id,
    name:
      name?.trim() ||
      nextFreeName(
        'sequence',
        sequences.map((s) => s.name),
      ),
    dataType: 'bigint',
    start: null,
    increment: null,
    minValue: null,
    maxValue: null,
    cache: null,
    cycle: false,
    ownedBy: null,
    comment: null,
  };
  return { design: { ...design, sequences: [...sequences, sequence] }, id };
}

export function updateSequence(design: Design, id: string, patch: SequencePatch): Design {
  const before = design.sequences?.find((s) => s.id === id);
  if (!before) return design;
  const merged: Sequence = { ...before, ...patch, id };
  if (merged.schema === undefined || merged.schema === '' || merged.schema === 'public') {
    delete merged.schema;
  }
  if (sameJson(merged, before)) return design;
  const from = objectQualifiedName(before);
  const to = objectQualifiedName(merged);
  const tables =
    from === to
      ? design.tables
      : design.tables.map((t) => ({
          ...t,
          columns: t.columns.map((c) =>
            c.default === null
              ? c
              : { ...c, default: { sql: renameSequenceInDefault(c.default.sql, from, to) } },
          ),
        }));
  return {
    ...design,
    tables,
    sequences: design.sequences!.map((s) => (s.id === id ? merged : s)),
  };
}

export function deleteSequence(design: Design, id: string): Design {
  const sequences = (design.sequences ?? []).filter((s) => s.id !== id);
  if (sequences.length === (design.sequences ?? []).length) return design;
  const { sequences: _, ...rest } = design;
  return sequences.length > 0 ? { ...rest, sequences } : rest;
}
