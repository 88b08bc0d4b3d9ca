/**
 * Real SQLAlchemy `create_all` of a design with standalone sequences builds what Retort's
 * SQL builds (pg_dump object by object: options, comment, OWNED BY), and `drop_all` removes
 * them again, in both model styles.
 */
import { dumpObjects } from '@retort/testing/pg-dump';
import { sequencesDesign } from '@retort/testing/sequences-design';
import { describe, expect, it } from 'vitest';
import { MODEL_STYLES, PYTHON_READY, pythonModels } from '../testing/python-models';

const { expectCreateAllAsSql, expectDropAllLeavesNothing } = pythonModels('sa_sequences');

describe.skipIf(!PYTHON_READY)('SQLAlchemy create_all builds standalone sequences', () => {
  for (const [style, emit, runs] of MODEL_STYLES) {
    it.runIf(runs)(
      `${style}: the same pg_dump as Retort's SQL, and drop_all leaves nothing`,
      async () => {
        const design = sequencesDesign();
        const source = emit(design);
        expect(source).toContain(
          "Sequence('invoice_number_seq', schema='app', data_type=Integer, start=1000, increment=1, minvalue=1, maxvalue=2147483647, cache=1, cycle=False, metadata=Base.metadata)",
        );
        const { dump, db } = await expectCreateAllAsSql(design, source);
        expect([...dumpObjects(dump).keys()]).toEqual(
          expect.arrayContaining([
            'SEQUENCE app.invoice_number_seq',
            'SEQUENCE OWNED BY app.invoice_number_seq',
            'SEQUENCE public.tickets',
            'COMMENT public.SEQUENCE tickets',
          ]),
        );
        await expectDropAllLeavesNothing(source, db.url);
      },
      120_000,
    );
  }
});
