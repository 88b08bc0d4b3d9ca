/**
 * Import against real schemas in pg_dump's own words: the kitchen-sink fixture (one of every
 * kind of object) must have everything Retort does not model listed, the same from a live
 * server and from the dump file; the modelled subset, imported and rebuilt from Retort's SQL,
 * must print the same `pg_dump --schema-only` object by object.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createObjectSql,
  creationOrder,
  type Design,
  describeObject,
  dropObjectSql,
  type RetortError,
} from '@retort/core';
import { createServerDatabase, serverUrl } from '@retort/testing';
import { compareDumps, FIXTURES_DIR, pgDump, psqlFile, readFixture } from '@retort/testing/pg-dump';
import { describe, expect, it } from 'vitest';
import type { Unmodelled } from '../contract';
import { checkDrift } from '../drift/check-drift';
import { openDatabase } from '../drivers/open-database';
import { introspectDatabase } from '../introspect/introspect';
import { openProject } from '../project/project';
import { importDatabase, importSql, readSqlDesign } from './import-database';

/** Everything in the kitchen sink is modelled; a line here would be an object import lists. */
const KITCHEN_SINK_UNMODELLED: string[] = [];

const PLAIN_KEY = {
  expression: null,
  descending: false,
  nulls: null,
  opclass: null,
  collation: null,
};

const lines = (items: readonly Unmodelled[]) => items.map((u) => `${u.kind} ${u.name}: ${u.why}`);

const onServer = serverUrl() !== null;

/**
 * Postgres 16 stopped qualifying the columns of a one-table query in `pg_get_viewdef`
 * (`members.id` became `id`); PGlite is a newer Postgres than the test server, so the view
 * definitions are compared without those qualifiers.
 */
function withoutColumnQualifiers(design: Design): Design {
  const tables = design.tables.map((t) => t.name).join('|');
  const qualifier = new RegExp(`\\b(?:${tables})\\.(?=[a-z_])`, 'g');
  return {
    ...design,
    objects: design.objects?.map((o) =>
      o.kind === 'view' || o.kind === 'materialized_view'
        ? { ...o, definition: o.definition.replace(qualifier, '') }
        : o,
    ),
  };
}

async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'retort-import-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

describe('the kitchen-sink schema', () => {
  it('from its pg_dump file on PGlite: every object is modelled, and import writes the project', async () => {
    const read = await readSqlDesign(readFixture('kitchen-sink.sql'), { allowPartial: true });
    expect(lines(read.unmodelled)).toEqual(KITCHEN_SINK_UNMODELLED);
    expect(read.notes).toEqual([
      'Skipped line 12, the psql meta-command \\restrict.',
      'Skipped line 920, the psql meta-command \\unrestrict.',
    ]);
    expect(read.design.tables.map((t) => `${t.schema ?? 'public'}.${t.name}`)).toEqual([
      'public.accounts',
      'app_private.account_secrets',
      'app_public.events',
      'app_public.events_2026',
      'app_public.invoice_lines',
      'app_public.invoices',
      'public.bookings',
      'public.readings',
      'public.readings_eu',
      'public.readings_other',
      'public.rooms',
    ]);
    expect(read.design.enums.map((e) => `${e.schema ?? 'public'}.${e.name}`)).toEqual([
      'app_public.invoice_status',
      'public.mood',
    ]);
    const bookings = read.design.tables.find((t) => t.name === 'bookings')!;
    expect(bookings.exclusions).toEqual([
      {
        id: 'ex_bookings_bookings_no_overlap',
        name: 'bookings_no_overlap',
        method: 'gist',
        elements: [
          { ...PLAIN_KEY, column: 'c_bookings_room_id', operator: '=' },
          { ...PLAIN_KEY, column: 'c_bookings_during', operator: '&&' },
        ],
        include: [],
        where: null,
        deferrable: false,
        initiallyDeferred: false,
        comment: null,
      },
    ]);

    const rooms = read.design.tables.find((t) => t.name === 'rooms')!;
    expect(rooms.exclusions).toMatchObject([
      {
        name: 'rooms_same_name_on_floor',
        method: 'gist',
        elements: [
          { column: null, expression: 'lower(name)', operator: '=' },
          { column: 'c_rooms_floor', operator: '=' },
        ],
        include: ['c_rooms_id'],
      },
    ]);

    const target = await tempDir();
    try {
      const result = await importSql(target.dir, readFixture('kitchen-sink.sql'));
      expect(result.unmodelled).toEqual([]);
      expect((await readdir(target.dir)).sort()).toEqual(['design.json', 'revisions']);
      expect(result.revision.sql.upgrade).toContain(
        'ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)',
      );
    } finally {
      await target.cleanup();
    }
  }, 300_000);

  it.runIf(onServer)(
    'from the live server: the same design and the same list as from the dump file; check reports them',
    async () => {
      const server = await createServerDatabase('retort_kitchen');
      const target = await tempDir();
      try {
        await psqlFile(server.url, join(FIXTURES_DIR, 'kitchen-sink.sql'));
        const fromFile = await readSqlDesign(readFixture('kitchen-sink.sql'), {
          allowPartial: true,
          name: 'kitchen',
        });
        const db = await openDatabase({ url: server.url });
        try {
          const result = await importDatabase(db, target.dir, {
            allowPartial: true,
            name: 'kitchen',
          });
          expect(lines(result.unmodelled)).toEqual(KITCHEN_SINK_UNMODELLED);
          expect(withoutColumnQualifiers(result.design)).toEqual(
            withoutColumnQualifiers(fromFile.design),
          );
          const drift = await checkDrift(db, await (await openProject(target.dir)).revisions());
          expect(drift.differences).toHaveLength(KITCHEN_SINK_UNMODELLED.length);
          for (const line of KITCHEN_SINK_UNMODELLED) {
            const [what, why] = line.split(/: (.*)/s);
            expect(drift.differences).toContain(`${what} is not modelled by Retort (${why})`);
          }
        } finally {
          await db.close();
        }
      } finally {
        await target.cleanup();
        await server.drop();
      }
    },
    300_000,
  );

  it.runIf(onServer)(
    'its objects in every schema, dropped and created again by Retort’s SQL: pg_dump prints the same schema',
    async () => {
      const server = await createServerDatabase('retort_kitchen');
      try {
        await psqlFile(server.url, join(FIXTURES_DIR, 'kitchen-sink.sql'));
        const before = await pgDump(server.url);
        const db = await openDatabase({ url: server.url });
        try {
          const read = await introspectDatabase(db);
          const objects = creationOrder(read.catalog.objects ?? []);
          expect(objects.map((o) => describeObject(o))).toEqual(
            expect.arrayContaining([
              'function app_private.touch_updated_at()',
              'function app_public.current_account_id()',
              'view app_public.open_invoices',
              'row-level security on app_public.invoices',
              'policy app_public.invoices_owner on invoices',
              'trigger app_public.invoices_touch on invoices',
              'aggregate public.total_cents(bigint)',
              'rule public.rooms_keep on rooms',
            ]),
          );
          for (const o of [...objects].reverse()) {
            for (const statement of dropObjectSql(o)) await db.exec(statement);
          }
          for (const o of objects) {
            for (const statement of createObjectSql(o)) await db.exec(statement);
          }
        } finally {
          await db.close();
        }
        const comparison = compareDumps(before, await pgDump(server.url));
        expect(comparison.differences).toEqual([]);
      } finally {
        await server.drop();
      }
    },
    300_000,
  );

  it.runIf(onServer)('--schema app_public alone reads its tables and enum', async () => {
    const server = await createServerDatabase('retort_kitchen');
    try {
      await psqlFile(server.url, join(FIXTURES_DIR, 'kitchen-sink.sql'));
      const db = await openDatabase({ url: server.url });
      try {
        const read = await introspectDatabase(db, { schemas: ['app_public'] });
        expect(read.catalog.schemas).toEqual(['app_public']);
        expect(read.catalog.enums.map((e) => e.name)).toEqual(['app_public.invoice_status']);
        expect(read.catalog.tables.map((t) => t.name)).toEqual([
          'app_public.events',
          'app_public.events_2026',
          'app_public.invoice_lines',
          'app_public.invoices',
        ]);
        const alone = KITCHEN_SINK_UNMODELLED.filter((line) => / app_public[.:]/.test(line));
        // Its key to public.accounts and its triggers' functions in app_private are outside
        // what was read.
        alone.push(
          'trigger app_public.invoice_lines.invoice_lines_frozen: depends on function app_private.lines_frozen(), outside the schemas read',
          'foreign key app_public.invoices.invoices_account_id_fkey: references a table, which is not modelled',
          'trigger app_public.invoices.invoices_touch: depends on function app_private.touch_updated_at(), outside the schemas read',
        );
        const nameOf = (line: string) => / (app_public\.[^:]*):/.exec(line)?.[1] ?? '';
        alone.sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
        expect(lines(read.unmodelled)).toEqual(alone);
        const missing = await introspectDatabase(db, { schemas: ['nowhere'] }).catch(
          (e: unknown) => e,
        );
        expect((missing as RetortError).message).toBe(
          'The database has no schema nowhere; it has app_private, app_public, public.',
        );
      } finally {
        await db.close();
      }
    } finally {
      await server.drop();
    }
  });
});

describe.runIf(onServer)('the modelled subset', () => {
  it('imported from the server and rebuilt from Retort’s SQL, pg_dump prints the same objects', async () => {
    const original = await createServerDatabase('retort_subset');
    const rebuilt = await createServerDatabase('retort_subset');
    const target = await tempDir();
    try {
      await psqlFile(original.url, join(FIXTURES_DIR, 'modelled-subset.sql'));
      const before = await pgDump(original.url);
      const source = await openDatabase({ url: original.url });
      let upgradeSql: string[];
      try {
        const result = await importDatabase(source, target.dir);
        expect(result.unmodelled).toEqual([]);
        upgradeSql = result.revision.sql.upgrade;
        const drift = await checkDrift(source, await (await openProject(target.dir)).revisions());
        expect(drift.differences).toEqual([]);
      } finally {
        await source.close();
      }
      const db = await openDatabase({ url: rebuilt.url });
      try {
        for (const statement of upgradeSql) await db.exec(statement);
      } finally {
        await db.close();
      }
      const comparison = compareDumps(before, await pgDump(rebuilt.url));
      expect(comparison.objects).toBe(75);
      expect(comparison.differences).toEqual([]);
    } finally {
      await target.cleanup();
      await original.drop();
      await rebuilt.drop();
    }
  }, 300_000);

  it('imported from its dump file on PGlite, it gives the same design as from the server', async () => {
    const original = await createServerDatabase('retort_subset');
    const target = await tempDir();
    try {
      await psqlFile(original.url, join(FIXTURES_DIR, 'modelled-subset.sql'));
      const source = await openDatabase({ url: original.url });
      try {
        const fromServer = await importDatabase(source, target.dir, { name: 'subset' });
        const fromFile = await readSqlDesign(readFixture('modelled-subset.sql'), {
          name: 'subset',
        });
        expect(fromFile.unmodelled).toEqual([]);
        expect(withoutColumnQualifiers(fromFile.design)).toEqual(
          withoutColumnQualifiers(fromServer.design),
        );
        expect(fromFile.design.objects?.map((o) => `${o.kind} ${o.name}`)).toEqual([
          'event_trigger note_table_ddl',
          'force_row_security projects',
          'function check_owner_is_member()',
          'function current_organisation()',
          'function note_ddl_tag()',
          'function touch_last_seen()',
          'index organisation_sizes_organisation_id_idx',
          'materialized_view organisation_sizes',
          'policy projects_by_organisation',
          'procedure move_member(IN member bigint, IN target integer)',
          'row_security projects',
          'trigger members_touch',
          'trigger projects_owner_is_member',
          'view active_admins',
          'view active_members',
        ]);
      } finally {
        await source.close();
      }
    } finally {
      await target.cleanup();
      await original.drop();
    }
  }, 300_000);
});
