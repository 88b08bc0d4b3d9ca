/**
 * One change run both ways on a real database: `before` is built from nothing, the change's
 * upgrade must give `after`'s catalog and its downgrade `before`'s (column order aside: an
 * added column goes last), and everything is removed again, whatever failed.
 */
import { renderMigrationSql } from '@retort/codegen';
import { type Design, describeCatalogDifferences, diff, toCatalog } from '@retort/core';
import { expect } from 'vitest';
import type { Database } from '../contract';
import { introspect } from '../introspect/introspect';

export async function expectStepBothWays(
  db: Database,
  before: Design,
  after: Design,
): Promise<void> {
  const { domains: _d, compositeTypes: _c, extensions: _e, sequences: _s, ...rest } = before;
  const create = renderMigrationSql(diff({ ...rest, enums: [], tables: [] }, before));
  for (const s of create.upgrade) await db.exec(s);
  try {
    const step = renderMigrationSql(diff(before, after));
    expect(step.upgrade.length).toBeGreaterThan(0);
    for (const s of step.upgrade) await db.exec(s);
    const options = { columnOrder: false };
    expect(describeCatalogDifferences(toCatalog(after), await introspect(db), options)).toEqual([]);
    for (const s of step.downgrade) await db.exec(s);
    expect(describeCatalogDifferences(toCatalog(before), await introspect(db), options)).toEqual(
      [],
    );
  } finally {
    for (const s of create.downgrade) await db.exec(s);
  }
}
