/**
 * Event triggers as objects, on both databases: import reads one as pg_dump writes it (its
 * tags, its enabled state, its comment, the function it runs), and revisions create it after
 * its function, disable and rename it in place, drop and create it when its tags change, and
 * downgrade back to a database without it.
 */
import { describeCatalogDifferences, lintOperations } from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import {
  EVENT_TRIGGER_CREATED as CREATED,
  disabledAndRenamed,
  eventTriggerDesign,
  EVENT_TRIGGER_FUNCTION as FUNCTION,
  retagged,
} from '@retort/testing/event-trigger-design';
import { pgDump } from '@retort/testing/pg-dump';
import { describe, expect, it } from 'vitest';
import type { Database } from '../contract';
import { checkDrift } from '../drift/check-drift';
import { introspect, introspectDatabase } from '../introspect/introspect';
import { tempProject } from '../testing/temp-project';
import { downgrade, upgrade } from './run';

const eventTriggers = async (db: Database) =>
  (
    await db.query<{ name: string; enabled: string }>(
      'SELECT evtname AS name, evtenabled AS enabled FROM pg_event_trigger ORDER BY evtname',
    )
  ).rows;

describe.each(databaseTargets())('event triggers on %s', (kind) => {
  it('are read as pg_dump writes them, with their function as what they depend on', async () => {
    await withTestDatabase(kind, async (db, url) => {
      await db.exec(`
        CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
        CREATE EVENT TRIGGER note_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
          EXECUTE FUNCTION note_ddl();
        ALTER EVENT TRIGGER note_ddl ENABLE ALWAYS;
        COMMENT ON EVENT TRIGGER note_ddl IS 'Notes table DDL';
      `);
      try {
        const read = await introspectDatabase(db);
        expect(read.unmodelled).toEqual([]);
        const definition = `${CREATED}\n\nALTER EVENT TRIGGER note_ddl ENABLE ALWAYS;`;
        expect(read.catalog.objects?.find((o) => o.kind === 'event_trigger')).toEqual({
          kind: 'event_trigger',
          schema: '',
          name: 'note_ddl',
          table: null,
          definition,
          comment: 'Notes table DDL',
          dependsOn: ['function:public.note_ddl()'],
        });
        if (url !== null) expect(await pgDump(url)).toContain(definition);
      } finally {
        await db.exec('DROP EVENT TRIGGER IF EXISTS note_ddl');
      }
    });
  });

  it('revisions create, disable and rename, and re-create one; each downgrades back', async () => {
    const temp = await tempProject(eventTriggerDesign());
    try {
      const first = (await temp.project.createRevision('note ddl'))!;
      expect(first.sql.upgrade).toEqual([
        FUNCTION.trimEnd(),
        CREATED.replace(/;$/, ''),
        "COMMENT ON EVENT TRIGGER note_ddl IS 'Notes table DDL'",
      ]);
      expect(first.sql.downgrade).toEqual([
        'DROP EVENT TRIGGER note_ddl',
        'DROP FUNCTION public.note_ddl()',
      ]);
      expect(
        lintOperations(first.operations)
          .filter((f) => f.code === 'event-trigger-needs-superuser')
          .map((f) => f.message),
      ).toEqual([
        "Creating event trigger note_ddl needs a superuser: the role that runs this revision must be one. From then on it runs on DDL anywhere in the database, later revisions' included.",
      ]);

      await temp.write(disabledAndRenamed());
      const second = (await temp.project.createRevision('disable'))!;
      expect(second.sql.upgrade).toEqual([
        'ALTER EVENT TRIGGER note_ddl RENAME TO table_ddl',
        'ALTER EVENT TRIGGER table_ddl DISABLE',
      ]);
      expect(second.sql.downgrade).toEqual([
        'ALTER EVENT TRIGGER table_ddl RENAME TO note_ddl',
        'ALTER EVENT TRIGGER note_ddl ENABLE',
      ]);

      await temp.write(retagged());
      const third = (await temp.project.createRevision('create table only'))!;
      expect(third.sql.upgrade).toEqual([
        'DROP EVENT TRIGGER table_ddl',
        expect.stringContaining("WHEN TAG IN ('CREATE TABLE')\n"),
        'ALTER EVENT TRIGGER table_ddl DISABLE',
        "COMMENT ON EVENT TRIGGER table_ddl IS 'Notes table DDL'",
      ]);

      const revisions = await temp.project.revisions();
      await withTestDatabase(kind, async (db) => {
        try {
          await upgrade(db, revisions, first.id);
          expect(await eventTriggers(db)).toEqual([{ name: 'note_ddl', enabled: 'O' }]);
          const catalogFirst = await introspect(db);
          await upgrade(db, revisions, 'head');
          expect(await eventTriggers(db)).toEqual([{ name: 'table_ddl', enabled: 'D' }]);
          expect((await checkDrift(db, revisions)).differences).toEqual([]);
          await downgrade(db, revisions, first.id);
          expect(describeCatalogDifferences(catalogFirst, await introspect(db))).toEqual([]);
          await downgrade(db, revisions, 'base');
          expect(await eventTriggers(db)).toEqual([]);
        } finally {
          await db.exec('DROP EVENT TRIGGER IF EXISTS note_ddl');
          await db.exec('DROP EVENT TRIGGER IF EXISTS table_ddl');
        }
      });
    } finally {
      await temp.cleanup();
    }
  }, 300_000);
});
