/**
 * Real SQLAlchemy `create_all` of a design with standalone sequences builds what Retort's
 * SQL builds (pg_dump object by object: options, comment, OWNED BY), and `drop_all` removes
 * them again, in both model styles.
 */
import { hasPythonTools, serverUrl, sqlalchemyVersion } from '@retort/testing';
import { compareDumps, dumpObjects, pgDump } from '@retort/testing/pg-dump';
import { sequencesDesign } from '@retort/testing/sequences-design';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { emitSql } from '../sql';
import { emitSqlalchemy } from '../sqlalchemy';
import { emitSqlalchemy2 } from '../sqlalchemy2';
import { CREATE_ALL_SCRIPT, DROP_ALL_SCRIPT, pythonModels } from '../testing/python-models';

const ready = serverUrl() !== null && hasPythonTools();
const sqlalchemy2 = ready && Number(sqlalchemyVersion().split('.')[0]) >= 2;
const { fresh, runScript: run } = pythonModels('sa_sequences');

async function exec(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.skipIf(!ready)('SQLAlchemy create_all builds standalone sequences', () => {
  const cases: [string, typeof emitSqlalchemy, boolean][] = [
    ['declarative (1.4 style)', emitSqlalchemy, true],
    ['2.0 style', emitSqlalchemy2, sqlalchemy2],
  ];
  for (const [style, emit, runs] of cases) {
    it.runIf(runs)(
      `${style}: the same pg_dump as Retort's SQL, and drop_all leaves nothing`,
      async () => {
        const design = sequencesDesign();
        const source = emit(design);
        expect(source).toContain(
          "Sequence('invoice_number_seq', schema='app', data_type=Integer, start=1000, increment=1, minvalue=1, maxvalue=2147483647, cache=1, cycle=False, metadata=Base.metadata)",
        );
        const bySql = await fresh();
        await exec(bySql.url, emitSql(design));
        const expected = await pgDump(bySql.url);
        const db = await fresh();
        expect(run(CREATE_ALL_SCRIPT, source, db.url)).toContain('create_all done');
        const comparison = compareDumps(expected, await pgDump(db.url));
        expect(comparison.differences).toEqual([]);
        expect([...dumpObjects(expected).keys()]).toEqual(
          expect.arrayContaining([
            'SEQUENCE app.invoice_number_seq',
            'SEQUENCE OWNED BY app.invoice_number_seq',
            'SEQUENCE public.tickets',
            'COMMENT public.SEQUENCE tickets',
          ]),
        );
        expect(run(DROP_ALL_SCRIPT, source, db.url)).toContain('drop_all done');
        expect([...dumpObjects(await pgDump(db.url)).keys()]).toEqual([]);
      },
      120_000,
    );
  }
});
