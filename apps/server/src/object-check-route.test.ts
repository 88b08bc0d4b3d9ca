/**
 * `POST /api/objects/check`: the statement runs on a scratch Postgres over the design sent,
 * and comes back as Postgres prints it; the project's database and files are never touched.
 */
import { randomBytes } from 'node:crypto';
import { type Database, openDatabase } from '@retort/migrate';
import { createServerDatabase, serverUrl } from '@retort/testing';
import { copyProject, type ProjectCopy } from '@retort/testing/projects';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from './start';
import { serverTestTargets } from './testing/database-targets';
import { call } from './testing/http-client';
import { startTestServer, type TestServer } from './testing/test-server';

describe('POST /api/objects/check', () => {
  let project: ProjectCopy;
  let server: RunningServer;
  let db: Database;
  // biome-ignore lint/suspicious/noExplicitAny: the design as JSON
  let design: any;
  let before: ReturnType<ProjectCopy['snapshot']>;

  const check = (sql: string, options: { design?: unknown; replaces?: string } = {}) =>
    call(server.url, 'POST', '/api/objects/check', {
      body: { design: options.design ?? design, sql, replaces: options.replaces },
    });
  const views = async () =>
    (
      await db.query<{ name: string }>(
        "SELECT viewname AS name FROM pg_views WHERE schemaname = 'public' ORDER BY 1",
      )
    ).rows.map((r) => r.name);

  beforeAll(async () => {
    project = copyProject();
    server = await startServer({ projectDir: project.dir, host: '127.0.0.1', port: 0 });
    db = await server.openDatabase();
    design = (await call(server.url, 'GET', '/api/design')).json.design;
    before = project.snapshot();
  });

  afterAll(async () => {
    await server?.close();
    project?.remove();
  });

  test('a view comes back as Postgres prints it, with the tables it reads from pg_depend', async () => {
    const reply = await check(
      "CREATE VIEW recent_orders AS\n  SELECT order_id, user_id FROM orders WHERE created_at > now() - interval '1 day';",
    );
    expect(reply.status).toBe(200);
    expect(reply.json.objects).toEqual([
      {
        kind: 'view',
        schema: 'public',
        name: 'recent_orders',
        table: null,
        definition:
          " SELECT order_id,\n    user_id\n   FROM orders\n  WHERE (created_at > (now() - '1 day'::interval));",
        comment: null,
        dependsOn: ['table:orders'],
        columns: [
          { name: 'order_id', type: 'integer' },
          { name: 'user_id', type: 'bigint' },
        ],
      },
    ]);
    expect(await views()).toEqual([]);
    expect(project.snapshot()).toEqual(before);
  });

  test("Postgres' refusal comes back as one sentence with the line and column it points at", async () => {
    const reply = await check('CREATE VIEW broken AS\nSELECT nope\n  FROM orders');
    expect(reply.status).toBe(422);
    expect(reply.json).toMatchObject({
      error: 'Postgres refused the statement at line 2: column "nope" does not exist.',
      line: 2,
      column: 8,
    });
    // The scratch database is whole again for the next check.
    expect((await check('CREATE VIEW fine AS SELECT 1 AS one')).status).toBe(200);
  });

  test('several statements, a smuggled DROP or anything but a CREATE of an object are refused before anything runs', async () => {
    for (const [sql, error] of [
      ['CREATE VIEW v AS SELECT 1; DROP TABLE orders', /^The SQL holds 2 statements/],
      [
        'DROP TABLE orders',
        /^Only a CREATE VIEW, .* statement is accepted, not "DROP TABLE ORDERS"\.$/,
      ],
      ['CREATE TABLE x (id int)', /not "CREATE TABLE X"/],
      ['SELECT 1', /not "SELECT"/],
    ] as const) {
      const reply = await check(sql);
      expect(reply.status).toBe(400);
      expect(reply.json.error).toMatch(error);
    }
    expect(
      (await call(server.url, 'POST', '/api/objects/check', { body: { design } })).json.error,
    ).toBe("The request's body.sql is required.");
    expect(await views()).toEqual([]);
  });

  test('a trigger and its function come back with their dependencies; an index on a table is not an object', async () => {
    const fn = await check(`CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_at := now(); RETURN NEW;
END $$;`);
    expect(fn.status).toBe(200);
    expect(fn.json.objects[0]).toMatchObject({ kind: 'function', name: 'stamp()' });
    const withFunction = {
      ...design,
      objects: [{ ...fn.json.objects[0], id: 'o_stamp', dependsOn: [] }],
    };
    const trigger = await check(
      'CREATE TRIGGER orders_stamp BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION stamp()',
      { design: withFunction },
    );
    expect(trigger.status).toBe(200);
    expect(trigger.json.objects).toEqual([
      expect.objectContaining({
        kind: 'trigger',
        name: 'orders_stamp',
        table: 'orders',
        dependsOn: ['function:public.stamp()', 'table:orders'],
      }),
    ]);
    const rule = await check('CREATE RULE orders_kept AS ON DELETE TO orders DO INSTEAD NOTHING');
    expect(rule.status).toBe(200);
    expect(rule.json.objects).toEqual([
      expect.objectContaining({ kind: 'rule', name: 'orders_kept', table: 'orders' }),
    ]);
    const index = await check('CREATE INDEX orders_user ON orders (user_id)');
    expect(index.status).toBe(400);
    expect(index.json.error).toMatch(/made no view, function, trigger/);
  });

  test('an event trigger comes back with its state and its function; a wrong state points at its line', async () => {
    const fn = await check(
      'CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$',
    );
    expect(fn.status).toBe(200);
    const withFunction = {
      ...design,
      objects: [{ ...fn.json.objects[0], id: 'o_note_ddl', dependsOn: [] }],
    };
    const sql =
      "CREATE EVENT TRIGGER note_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE')\n  EXECUTE FUNCTION note_ddl();\nALTER EVENT TRIGGER note_ddl DISABLE;";
    const trigger = await check(sql, { design: withFunction });
    expect(trigger.status).toBe(200);
    expect(trigger.json.objects).toEqual([
      {
        kind: 'event_trigger',
        schema: '',
        name: 'note_ddl',
        table: null,
        definition:
          "CREATE EVENT TRIGGER note_ddl ON ddl_command_end\n         WHEN TAG IN ('CREATE TABLE')\n   EXECUTE FUNCTION public.note_ddl();\n\nALTER EVENT TRIGGER note_ddl DISABLE;",
        comment: null,
        dependsOn: ['function:public.note_ddl()'],
      },
    ]);
    const unknown = await check(sql.replace('note_ddl();', 'nowhere();'), {
      design: withFunction,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error).toMatch(
      /^Postgres refused the statement: function nowhere\(\) does not exist/,
    );
    expect((await db.query('SELECT evtname FROM pg_event_trigger')).rows).toEqual([]);
  });

  test('a replaced view is checked without its old self, and with what depends on it built again on top', async () => {
    const view = (id: string, name: string, definition: string, dependsOn: string[]) => ({
      id,
      kind: 'view',
      schema: 'public',
      name,
      table: null,
      definition,
      comment: null,
      dependsOn,
    });
    const stacked = {
      ...design,
      objects: [
        view(
          'o_base',
          'base_orders',
          ' SELECT orders.order_id,\n    orders.user_id\n   FROM orders;',
          ['t_orders'],
        ),
        view('o_top', 'top_orders', ' SELECT base_orders.user_id\n   FROM base_orders;', [
          'o_base',
        ]),
      ],
    };
    const kept = await check(
      'CREATE VIEW base_orders AS SELECT order_id, user_id, created_at FROM orders',
      { design: stacked, replaces: 'o_base' },
    );
    expect(kept.status).toBe(200);
    expect(kept.json.objects.map((o: { name: string }) => o.name)).toEqual(['base_orders']);
    const broken = await check('CREATE VIEW base_orders AS SELECT order_id FROM orders', {
      design: stacked,
      replaces: 'o_base',
    });
    expect(broken.status).toBe(422);
    expect(broken.json.error).toBe(
      'View public.top_orders depends on it and no longer builds: column base_orders.user_id does not exist.',
    );
  });

  test('a statement that runs too long on the scratch PGlite is stopped, and the next check runs on a new one', async () => {
    const started = Date.now();
    const slow = await check(
      'CREATE MATERIALIZED VIEW slow AS SELECT 1 AS slept FROM pg_sleep(600)',
    );
    expect(slow.status).toBe(422);
    expect(slow.json.error).toMatch(
      /^The check ran longer than 5 seconds and Postgres stopped it;/,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    const quick = await check('CREATE VIEW quick AS SELECT 1 AS one');
    expect(quick.status).toBe(200);
    expect(quick.json.objects).toEqual([expect.objectContaining({ kind: 'view', name: 'quick' })]);
  }, 60_000);

  test('a design with problems is refused with them', async () => {
    const bad = structuredClone(design);
    bad.tables[0].columns[0].type = 'VARCHAR(10';
    const reply = await check('CREATE VIEW v AS SELECT 1', { design: bad });
    expect(reply.status).toBe(422);
    expect(reply.json.error).toMatch(/^The design has 1 problem; fix it before checking/);
    expect(reply.json.problems).toHaveLength(1);
  });
});

describe.each(serverTestTargets().filter((t) => t.name !== 'pglite'))(
  'POST /api/objects/check on a project on $name',
  (target) => {
    let running: TestServer;
    const scratchDatabases = async (db: Database) =>
      (
        await db.query<{ name: string }>(
          "SELECT datname AS name FROM pg_database WHERE datname LIKE 'retort\\_check\\_%'",
        )
      ).rows.map((r) => r.name);

    /** The scratch databases of other servers, there before this one's first check. */
    let others: Set<string>;

    beforeAll(async () => {
      const probe = await openDatabase({ url: serverUrlOf(serverUrl()!) });
      try {
        others = new Set(await scratchDatabases(probe));
      } finally {
        await probe.close();
      }
      running = await startTestServer(target);
    });

    afterAll(async () => {
      await running?.close();
    });

    test("the check runs on a scratch database of the project's server, printed as that server prints, and leaves nothing", async () => {
      const { server } = running;
      const db = await server.openDatabase();
      const before = await scratchDatabases(db);
      const design = (await call(server.url, 'GET', '/api/design')).json.design;
      const reply = await call(server.url, 'POST', '/api/objects/check', {
        body: { design, sql: 'CREATE VIEW order_users AS SELECT order_id, user_id FROM orders' },
      });
      expect(reply.status).toBe(200);
      const printed = (
        await db.query<{ definition: string }>(
          'SELECT pg_get_viewdef(oid) AS definition FROM pg_class WHERE false',
        )
      ).rows;
      expect(printed).toEqual([]);
      // The project's server prints the view as it would print it after an apply.
      expect(reply.json.objects[0].definition).toMatch(/^ SELECT (orders\.)?order_id,/);
      expect(
        (await db.query("SELECT 1 FROM pg_views WHERE viewname = 'order_users'")).rows,
      ).toEqual([]);
      expect((await scratchDatabases(db)).length).toBe(before.length + 1);
      const refused = await call(server.url, 'POST', '/api/objects/check', {
        body: { design, sql: 'CREATE VIEW v AS\n  SELECT nope FROM orders' },
      });
      expect(refused.status).toBe(422);
      expect(refused.json).toMatchObject({ line: 2, column: 10 });
    });

    test('a statement that runs or waits too long is stopped, answered with a sentence, and the next check runs', async () => {
      const { server } = running;
      const design = (await call(server.url, 'GET', '/api/design')).json.design;
      const check = (sql: string) =>
        call(server.url, 'POST', '/api/objects/check', { body: { design, sql } });
      const started = Date.now();
      const slow = await check(
        'CREATE MATERIALIZED VIEW slow AS SELECT 1 AS slept FROM pg_sleep(600)',
      );
      expect(slow.status).toBe(422);
      expect(slow.json.error).toBe(
        "The check ran longer than 5 seconds and Postgres stopped it; a definition is checked by running it (a materialized view runs its query), so write one that runs quickly over the design's empty tables.",
      );
      expect(Date.now() - started).toBeLessThan(30_000);
      expect((await check('CREATE VIEW quick AS SELECT 1 AS one')).status).toBe(200);

      // Another session holds an advisory lock in the scratch database the check waits for.
      const db = await server.openDatabase();
      const ours = (await scratchDatabases(db)).filter((name) => !others.has(name));
      expect(ours).toHaveLength(1);
      const address = new URL(serverUrl()!);
      address.pathname = `/${ours[0]}`;
      const holder = await openDatabase({ url: address.toString() });
      try {
        await holder.query('SELECT pg_advisory_lock(4242)');
        const waiting = await check(
          'CREATE MATERIALIZED VIEW waits AS SELECT 1 AS locked FROM pg_advisory_xact_lock(4242)',
        );
        expect(waiting.status).toBe(422);
        expect(waiting.json.error).toBe(
          'The check waited longer than 2 seconds for a lock and Postgres stopped it; something else holds what the statement needs.',
        );
      } finally {
        await holder.close();
      }
    }, 60_000);
  },
);

describe.runIf(serverTestTargets().some((t) => t.name === 'postgres'))(
  'POST /api/objects/check for a role that may not create databases',
  () => {
    test('the check falls back to a scratch PGlite and creates no database', async () => {
      const role = `retort_nocreatedb_${randomBytes(4).toString('hex')}`;
      const database = await createServerDatabase('retort_server');
      const admin = await openDatabase({ url: database.url });
      const project = copyProject();
      let server: RunningServer | null = null;
      try {
        await admin.exec(`CREATE ROLE ${role} LOGIN NOCREATEDB NOSUPERUSER`);
        await admin.exec(`GRANT ALL ON SCHEMA public TO ${role}`);
        const url = new URL(database.url);
        url.username = role;
        url.password = '';
        server = await startServer({
          projectDir: project.dir,
          databaseUrl: url.toString(),
          host: '127.0.0.1',
          port: 0,
        });
        const design = (await call(server.url, 'GET', '/api/design')).json.design;
        const reply = await call(server.url, 'POST', '/api/objects/check', {
          body: { design, sql: 'CREATE VIEW order_users AS SELECT order_id, user_id FROM orders' },
        });
        expect(reply.status).toBe(200);
        expect(reply.json.objects).toEqual([
          expect.objectContaining({
            kind: 'view',
            name: 'order_users',
            dependsOn: ['table:orders'],
          }),
        ]);
        const made = await admin.query(
          `SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = '${role}')`,
        );
        expect(made.rows).toEqual([]);
      } finally {
        await server?.close();
        await admin.close();
        await database.drop();
        project.remove();
        await (async () => {
          const cleanup = await openDatabase({ url: serverUrlOf(database.url) });
          try {
            await cleanup.exec(`DROP ROLE IF EXISTS ${role}`);
          } finally {
            await cleanup.close();
          }
        })();
      }
    }, 60_000);
  },
);

/** The server's maintenance database beside `url`'s. */
function serverUrlOf(url: string): string {
  const address = new URL(url);
  address.pathname = '/postgres';
  return address.toString();
}
