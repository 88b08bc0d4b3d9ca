/**
 * `upgrade head` of a 200-table initial revision and introspection of the result, on PGlite
 * (in memory) and on the server when TEST_DATABASE_URL is set. Each run gets a fresh database.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogsEqual, toCatalog } from '@retort/core';
import { introspect, openProject, type Revision, upgrade } from '@retort/migrate';
import { type DatabaseTarget, databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { largeDesign } from '@retort/testing/large-design';
import type { Measurement } from './timing';

const TABLES = 200;

async function initialRevision(): Promise<Revision[]> {
  const dir = await mkdtemp(join(tmpdir(), 'retort-bench-'));
  try {
    await writeFile(join(dir, 'design.json'), JSON.stringify(largeDesign(TABLES)));
    const project = await openProject(dir);
    await project.createRevision(`${TABLES} tables`);
    return await project.revisions();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measure(kind: DatabaseTarget, revisions: Revision[]): Promise<Measurement[]> {
  const out: Measurement[] = [];
  await withTestDatabase(kind, async (db) => {
    let start = performance.now();
    const result = await upgrade(db, revisions, 'head');
    out.push({
      name: `upgrade head, ${TABLES} tables (${kind})`,
      value: performance.now() - start,
      unit: 'ms',
    });
    start = performance.now();
    const catalog = await introspect(db);
    out.push({
      name: `introspect ${TABLES} tables (${kind})`,
      value: performance.now() - start,
      unit: 'ms',
    });
    if (result.steps.length !== 1 || !catalogsEqual(catalog, toCatalog(revisions[0]!.schema))) {
      throw new Error(
        `the ${kind} database does not match the ${TABLES}-table design after upgrade head`,
      );
    }
  });
  return out;
}

export async function benchMigrate(): Promise<Measurement[]> {
  const revisions = await initialRevision();
  const out: Measurement[] = [];
  for (const kind of databaseTargets()) out.push(...(await measure(kind, revisions)));
  return out;
}
