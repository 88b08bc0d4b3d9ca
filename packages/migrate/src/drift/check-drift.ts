/** Drift: the live schema against the snapshot of the revision the database says it is at. */
import { describeCatalogDifferences, RetortError, toCatalog } from '@retort/core';
import type { Database, Drift, Revision } from '../contract';
import { introspect } from '../introspect/introspect';
import { emptyDesignNamed } from '../project/empty-design';
import { currentRevision } from '../runner/version-table';

export async function checkDrift(db: Database, revisions: readonly Revision[]): Promise<Drift> {
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
  const live = await introspect(db);
  return {
    revision,
    differences: describeCatalogDifferences(expected, live, { columnOrder: false }),
  };
}
