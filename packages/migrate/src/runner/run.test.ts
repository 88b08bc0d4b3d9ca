import { catalogsEqual, RetortError, toCatalog } from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { loadShopDesign } from '@retort/testing/designs';
import { tutorialChanges } from '@retort/testing/tutorial';
import { describe, expect, it } from 'vitest';
import { introspect } from '../introspect/introspect';
import { preflight } from '../preflight/preflight';
import { tempProject } from '../testing/temp-project';
import { withTutorialRevisions } from '../testing/tutorial-revisions';
import { downgrade, upgrade } from './run';
import { currentRevision } from './version-table';

const versions = async (db: { query: (sql: string) => Promise<{ rows: unknown[] }> }) =>
  (await db.query('SELECT version_num FROM alembic_version')).rows;

describe.each(databaseTargets())('runs on %s', (kind) => {
  it('follows the tutorial: create four tables, then change two types and add a column', async () => {
    const shop = loadShopDesign();
    const temp = await tempProject(shop);
    try {
      const first = (await temp.project.createRevision('create the shop tables'))!;
      expect(first.operations.filter((o) => o.kind === 'create_table')).toHaveLength(4);
      expect(await temp.project.createRevision('nothing changed')).toBeNull();
      const changed = tutorialChanges(shop);
      await temp.write(changed);
      const second = (await temp.project.createRevision(
        'changed language_code and product description',
      ))!;
      expect(second.operations.map((o) => o.kind).sort()).toEqual([
        'add_column',
        'alter_column',
        'alter_column',
      ]);
      const revisions = await temp.project.revisions();
      expect(revisions.map((r) => r.id)).toEqual([first.id, second.id]);

      await withTestDatabase(kind, async (db) => {
        const up = await upgrade(db, revisions, 'head');
        expect(up.steps.map((s) => s.revision)).toEqual([first.id, second.id]);
        expect(await currentRevision(db)).toBe(second.id);
        expect(catalogsEqual(await introspect(db), toCatalog(changed))).toBe(true);

        const again = await upgrade(db, revisions, 'head');
        expect(again.steps).toEqual([]);

        await downgrade(db, revisions, '-1');
        expect(await currentRevision(db)).toBe(first.id);
        expect(catalogsEqual(await introspect(db), toCatalog(shop))).toBe(true);

        await downgrade(db, revisions, 'base');
        expect(await currentRevision(db)).toBeNull();
        expect((await introspect(db)).tables).toEqual([]);
        expect(await versions(db)).toEqual([]);
      });
    } finally {
      await temp.cleanup();
    }
  });

  it('counts only the long rows when language_code narrows, and a forced run changes nothing', async () => {
    await withTutorialRevisions(async (revisions) => {
      const [first] = revisions;
      await withTestDatabase(kind, async (db) => {
        await upgrade(db, revisions, first.id.slice(0, 6));
        await db.exec(`INSERT INTO users (telegram_id, full_name, language_code) VALUES
          (1, 'Ann', 'en'), (2, 'Bob', 'pt-BR'), (3, 'Cid', 'a-very-long-language-tag'), (4, 'Dee', 'de')`);
        const before = await db.query('SELECT * FROM users ORDER BY telegram_id');
        const catalogBefore = await introspect(db);

        const findings = await preflight(db, revisions[1]!.operations);
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ code: 'rows_too_long', rows: 1 });
        expect(findings[0]!.message).toContain('longer than 10');

        const refused = await upgrade(db, revisions, 'head').catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(RetortError);
        expect((refused as RetortError).code).toBe('refused');

        const dry = await upgrade(db, revisions, 'head', { dryRun: true });
        expect(dry.dryRun).toBe(true);
        expect(dry.preflight).toMatchObject([{ code: 'rows_too_long', rows: 1 }]);

        const failed = await upgrade(db, revisions, 'head', { force: true }).catch(
          (e: unknown) => e,
        );
        expect(failed).toBeInstanceOf(RetortError);
        expect((failed as RetortError).code).toBe('migration_failed');
        expect((failed as RetortError).message).toMatch(/Nothing was changed\.$/);
        expect((failed as RetortError).details.revision).toBe(revisions[1]!.id);

        expect((await db.query('SELECT * FROM users ORDER BY telegram_id')).rows).toEqual(
          before.rows,
        );
        expect(await introspect(db)).toEqual(catalogBefore);
        expect(await versions(db)).toEqual([{ version_num: first.id }]);
      });
    });
  });

  it('keeps the rows of a renamed column', async () => {
    const shop = loadShopDesign();
    const temp = await tempProject(shop);
    try {
      await temp.project.createRevision('create the shop tables');
      const renamed = structuredClone(shop);
      renamed.tables
        .find((t) => t.name === 'users')!
        .columns.find((c) => c.name === 'full_name')!.name = 'display_name';
      await temp.write(renamed);
      const second = (await temp.project.createRevision('rename full_name'))!;
      expect(second.operations.map((o) => o.kind)).toEqual(['alter_column']);
      const revisions = await temp.project.revisions();
      await withTestDatabase(kind, async (db) => {
        await upgrade(db, revisions, '+1');
        await db.exec(
          `INSERT INTO users (telegram_id, full_name, language_code) VALUES (7, 'Grace Hopper', 'en')`,
        );
        await upgrade(db, revisions, 'head');
        const { rows } = await db.query('SELECT display_name FROM users WHERE telegram_id = 7');
        expect(rows).toEqual([{ display_name: 'Grace Hopper' }]);
      });
    } finally {
      await temp.cleanup();
    }
  });

  it('refuses a database whose version is not in the chain', async () => {
    const temp = await tempProject(loadShopDesign());
    try {
      await temp.project.createRevision('create the shop tables');
      const revisions = await temp.project.revisions();
      await withTestDatabase(kind, async (db) => {
        await db.exec(`CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,
          CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
          INSERT INTO alembic_version VALUES ('0123456789ab')`);
        const error = await upgrade(db, revisions, 'head').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RetortError);
        expect((error as RetortError).code).toBe('refused');
        expect((error as RetortError).message).toContain(
          '0123456789ab, which is not in this project',
        );
        expect((await introspect(db)).tables).toEqual([]);
      });
    } finally {
      await temp.cleanup();
    }
  });
});
