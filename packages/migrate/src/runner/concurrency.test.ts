import { renderMigrationSql } from '@retort/codegen';
import type { Operation } from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { REVISION_FORMAT, type Revision } from '../contract';
import { openDatabase } from '../drivers/open-database';
import { writeRevision } from '../project/project';
import { tempProject } from '../testing/temp-project';
import { upgrade } from './run';

/** The shop, then a data migration that records that it ran. */
async function chainWithDataMigration(): Promise<Revision[]> {
  const temp = await tempProject(loadShopDesign());
  try {
    const first = (await temp.project.createRevision('create the shop tables'))!;
    const operations: Operation[] = [
      {
        kind: 'execute',
        upgrade: [
          "INSERT INTO products (title, description) VALUES ('ran once', 'data migration')",
        ],
        downgrade: ["DELETE FROM products WHERE title = 'ran once'"],
      },
    ];
    await writeRevision(temp.dir, {
      format: REVISION_FORMAT,
      id: 'da7a00000001',
      parent: first.id,
      message: 'seed a product',
      createdAt: new Date().toISOString(),
      operations,
      sql: renderMigrationSql(operations),
      schema: first.schema,
    });
    return await temp.project.revisions();
  } finally {
    await temp.cleanup();
  }
}

describe.each(databaseTargets())('two runs at once on %s', (kind) => {
  it('apply once: one run does the work, the other waits and finds nothing to do', async () => {
    const revisions = await chainWithDataMigration();
    expect(revisions).toHaveLength(2);
    await withTestDatabase(kind, async (db, url) => {
      // Two connections on the server; PGlite has one connection, shared.
      const other = url ? await openDatabase({ url }) : db;
      try {
        const results = await Promise.all([
          upgrade(db, revisions, 'head'),
          upgrade(other, revisions, 'head'),
        ]);
        const stepCounts = results.map((r) => r.steps.length).sort();
        expect(stepCounts).toEqual([0, 2]);
        const idle = results.find((r) => r.steps.length === 0)!;
        expect(idle.from).toBe('da7a00000001');
        const { rows } = await db.query(
          "SELECT count(*)::int AS n FROM products WHERE title = 'ran once'",
        );
        expect(rows).toEqual([{ n: 1 }]);
        expect((await db.query('SELECT version_num FROM alembic_version')).rows).toEqual([
          { version_num: 'da7a00000001' },
        ]);
      } finally {
        if (other !== db) await other.close();
      }
    });
  });
});
