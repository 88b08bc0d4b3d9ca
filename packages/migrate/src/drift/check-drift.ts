/**
 * Drift: the live schema against the snapshot of the revision the database says it is at.
 * Every object Retort does not model is a difference too: Retort cannot tell whether it
 * changed, so it never answers "no drift" over something it cannot see.
 */
import { describeCatalogDifferences, RetortError, toCatalog } from '@retort/core';
import type { Drift, Queryable, Revision, Unmodelled } from '../contract';
import { introspectDatabase } from '../introspect/introspect';
import { emptyDesignNamed } from '../project/empty-design';
import { currentRevision } from '../runner/version-table';

export async function checkDrift(db: Queryable, revisions: readonly Revision[]): Promise<Drift> {
  const revision = await currentRevision(db);
  const at = revision === null ? null : revisions.find((r) => r.id === revision);
  if (revision !== null && !at) {
    throw new RetortError(
      `The database is at revision ${revision}, which is not in this project's chain.`,
      'refused',
      { revision },
    );
  }
  const expected = toCatalog(at?.schema ?? emptyDesignNamed(revisions[0]?.schema.name ?? 'empty'));
  const live = await introspectDatabase(db);
  return {
    revision,
    differences: [
      ...describeCatalogDifferences(expected, live.catalog, { columnOrder: false }),
      ...live.unmodelled.map(describeUnmodelled),
    ],
    unmodelled: live.unmodelled,
  };
}

/** `index public.accounts_search_idx is not modelled by Retort (index method gin)`. */
export function describeUnmodelled(item: Unmodelled): string {
  return `${item.kind} ${item.name} is not modelled by Retort (${item.why})`;
}
