/**
 * How the standalone sequences of two catalogs differ, one sentence each, named by the
 * sequence: `sequence "app.counter" has increment 5 in the database, 1 expected`.
 */
import type { Catalog, CatalogSequence, CatalogSequenceOwner } from '../catalog/types';
import { comment, differs, named } from '../user-types/compare';

export function describeOwner(owner: CatalogSequenceOwner | null): string {
  return owner === null ? 'no column' : `${owner.table}.${owner.column}`;
}

const OPTIONS = [
  ['dataType', 'is of type'],
  ['start', 'starts at'],
  ['increment', 'has increment'],
  ['minValue', 'has minimum'],
  ['maxValue', 'has maximum'],
  ['cache', 'has cache'],
] as const;

function sequenceDifferences(what: string, e: CatalogSequence, a: CatalogSequence): string[] {
  return [
    ...OPTIONS.flatMap(([key, label]) => differs(what, label, e[key], a[key])),
    ...differs(what, 'is', e.cycle ? 'CYCLE' : 'NO CYCLE', a.cycle ? 'CYCLE' : 'NO CYCLE'),
    ...differs(what, 'is owned by', describeOwner(e.ownedBy), describeOwner(a.ownedBy)),
    ...comment(what, e.comment, a.comment),
  ];
}

export function describeSequenceDifferences(expected: Catalog, actual: Catalog): string[] {
  return named(expected.sequences ?? [], actual.sequences ?? [], 'sequence', sequenceDifferences);
}
