/**
 * Rules and aggregates read as objects, on both databases: a plain aggregate and a rule on
 * a table are carried, and so is an event trigger (each created again the same by Retort's
 * SQL); an aggregate with options Retort does not write and a rule on a view are listed,
 * each with why, and so is what depends on them.
 */
import {
  createObjectSql,
  creationOrder,
  describeCatalogDifferences,
  dropObjectSql,
} from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import { describe, expect, it } from 'vitest';
import { introspectDatabase } from './introspect';

const SETUP = `
  CREATE TABLE ledger (id INTEGER PRIMARY KEY, cents BIGINT NOT NULL);
  CREATE FUNCTION add_cents(total BIGINT, cents BIGINT) RETURNS BIGINT
    LANGUAGE sql IMMUTABLE AS $$ SELECT total + cents $$;
  CREATE AGGREGATE total_cents(BIGINT) (SFUNC = add_cents, STYPE = BIGINT, INITCOND = '0', PARALLEL = SAFE);
  COMMENT ON AGGREGATE total_cents(BIGINT) IS 'Sums cents from zero';
  CREATE VIEW totals AS SELECT total_cents(cents) AS cents FROM ledger;
  CREATE RULE ledger_keep AS ON DELETE TO ledger DO INSTEAD NOTHING;
  CREATE AGGREGATE top_int(INTEGER) (SFUNC = int4larger, STYPE = INTEGER, SORTOP = >);
  CREATE VIEW tops AS SELECT top_int(id) AS id FROM ledger;
  CREATE VIEW plain AS SELECT id FROM ledger;
  CREATE RULE plain_keep AS ON DELETE TO plain DO INSTEAD NOTHING;
  CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
  CREATE EVENT TRIGGER log_ddl ON ddl_command_end EXECUTE FUNCTION log_ddl();
`;

describe.each(databaseTargets())('rules and aggregates on %s', (kind) => {
  it('are read as objects, or listed with why', async () => {
    await withTestDatabase(kind, async (db) => {
      await db.exec(SETUP);
      try {
        const read = await introspectDatabase(db);
        const objects = read.catalog.objects ?? [];
        const aggregate = objects.find((o) => o.kind === 'aggregate');
        expect(aggregate).toMatchObject({
          name: 'total_cents(bigint)',
          definition:
            "CREATE AGGREGATE public.total_cents(bigint) (\n    SFUNC = public.add_cents,\n    STYPE = bigint,\n    INITCOND = '0',\n    PARALLEL = safe\n);",
          comment: 'Sums cents from zero',
          dependsOn: ['function:public.add_cents(total bigint, cents bigint)'],
        });
        expect(objects.find((o) => o.kind === 'rule')).toMatchObject({
          name: 'ledger_keep',
          table: 'ledger',
          dependsOn: ['table:ledger'],
        });
        expect(objects.find((o) => o.name === 'totals')?.dependsOn).toEqual([
          'aggregate:public.total_cents(bigint)',
          'table:ledger',
        ]);
        expect(objects.find((o) => o.kind === 'event_trigger')).toMatchObject({
          schema: '',
          name: 'log_ddl',
          definition:
            'CREATE EVENT TRIGGER log_ddl ON ddl_command_end\n   EXECUTE FUNCTION public.log_ddl();',
          dependsOn: ['function:public.log_ddl()'],
        });
        expect(
          read.unmodelled
            .filter((u) => !u.kind.startsWith('function'))
            .map((u) => `${u.kind} ${u.name}: ${u.why}`),
        ).toEqual([
          'rule public.plain.plain_keep: rule on view public.plain; Retort keeps rules on tables only',
          'aggregate public.top_int(integer): SORTOP',
          'view public.tops: depends on aggregate public.top_int(integer), which is not modelled',
        ]);

        // Dropped and created again from their definitions, they read back the same.
        const carried = creationOrder(objects);
        for (const o of [...carried].reverse()) for (const s of dropObjectSql(o)) await db.exec(s);
        for (const o of carried) for (const s of createObjectSql(o)) await db.exec(s);
        const again = await introspectDatabase(db);
        expect(describeCatalogDifferences(read.catalog, again.catalog)).toEqual([]);
      } finally {
        await db.exec('DROP EVENT TRIGGER IF EXISTS log_ddl');
      }
    });
  });
});
