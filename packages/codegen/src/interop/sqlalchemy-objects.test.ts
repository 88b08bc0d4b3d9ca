import { hasPythonTools, serverUrl, sqlalchemyVersion } from '@retort/testing';
import { eventTriggerDesign } from '@retort/testing/event-trigger-design';
import { objectsDesign } from '@retort/testing/objects-design';
import { compareDumps, dumpObjects, pgDump } from '@retort/testing/pg-dump';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { emitSql } from '../sql';
import { emitSqlalchemy } from '../sqlalchemy';
import { emitSqlalchemy2 } from '../sqlalchemy2';
import { CREATE_ALL_SCRIPT, DROP_ALL_SCRIPT, pythonModels } from '../testing/python-models';

const ready = serverUrl() !== null && hasPythonTools();
const sqlalchemy2 = ready && Number(sqlalchemyVersion().split('.')[0]) >= 2;
const { fresh, runScript: run } = pythonModels('sa_objects');

async function dumpOfSql(sql: string): Promise<string> {
  const db = await fresh();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
  return pgDump(db.url);
}

describe.skipIf(!ready)('SQLAlchemy create_all builds the objects', () => {
  const cases: [string, (d: ReturnType<typeof objectsDesign>) => string, boolean][] = [
    ['declarative (1.4 style)', emitSqlalchemy, true],
    ['2.0 style', emitSqlalchemy2, sqlalchemy2],
  ];
  for (const [style, emit, runs] of cases) {
    it.runIf(runs)(
      `${style}: the same pg_dump as Retort's SQL, and drop_all leaves nothing`,
      async () => {
        const design = objectsDesign();
        const source = emit(design);
        expect(source).toContain("event.listen(Base.metadata, 'after_create', DDL(_statement))");
        const expected = await dumpOfSql(emitSql(design));
        const db = await fresh();
        expect(run(CREATE_ALL_SCRIPT, source, db.url)).toContain('create_all done');
        const comparison = compareDumps(expected, await pgDump(db.url));
        expect(comparison.differences).toEqual([]);
        expect([...dumpObjects(expected).keys()]).toEqual(
          expect.arrayContaining([
            'FUNCTION public.current_owner()',
            'FUNCTION public.touch()',
            'VIEW public.rich_accounts',
            'VIEW public.richest_accounts',
            'ROW SECURITY public.accounts',
            'POLICY public.accounts accounts_owner',
            'TRIGGER public.accounts accounts_touch',
          ]),
        );
        expect(run(DROP_ALL_SCRIPT, source, db.url)).toContain('drop_all done');
        expect([...dumpObjects(await pgDump(db.url)).keys()]).toEqual([]);
      },
      120_000,
    );
    it.runIf(runs)(
      `${style}: an event trigger after its function, removed before it`,
      async () => {
        const design = eventTriggerDesign();
        const source = emit(design);
        const expected = await dumpOfSql(emitSql(design));
        const db = await fresh();
        expect(run(CREATE_ALL_SCRIPT, source, db.url)).toContain('create_all done');
        expect(compareDumps(expected, await pgDump(db.url)).differences).toEqual([]);
        expect([...dumpObjects(expected).keys()]).toEqual([
          'FUNCTION public.note_ddl()',
          'EVENT TRIGGER note_ddl',
          'COMMENT EVENT TRIGGER note_ddl',
        ]);
        expect(run(DROP_ALL_SCRIPT, source, db.url)).toContain('drop_all done');
        expect([...dumpObjects(await pgDump(db.url)).keys()]).toEqual([]);
      },
      120_000,
    );
  }
});
