/**
 * Real SQLAlchemy `create_all` of a design with an extension, domains and composite types
 * builds what Retort's SQL builds (pg_dump object by object), and `drop_all` removes them
 * again, in both model styles.
 */
import { dumpObjects } from '@retort/testing/pg-dump';
import { userTypesDesign } from '@retort/testing/user-types-design';
import { describe, expect, it } from 'vitest';
import { MODEL_STYLES, PYTHON_READY, pythonModels } from '../testing/python-models';

const { expectCreateAllAsSql, expectDropAllLeavesNothing } = pythonModels('sa_user_types');

describe.skipIf(!PYTHON_READY)(
  'SQLAlchemy create_all builds domains, composite types and extensions',
  () => {
    for (const [style, emit, runs] of MODEL_STYLES) {
      it.runIf(runs)(
        `${style}: the same pg_dump as Retort's SQL, and drop_all leaves nothing, not even the schema`,
        async () => {
          const design = userTypesDesign({ extension: true });
          const source = emit(design);
          expect(source).toContain("event.listen(Base.metadata, 'before_create', DDL(_statement))");
          const { dump, db } = await expectCreateAllAsSql(design, source);
          expect([...dumpObjects(dump).keys()]).toEqual(
            expect.arrayContaining([
              'EXTENSION citext',
              'DOMAIN app.positive_cents',
              'DOMAIN public.year',
              'TYPE app.postal_address',
              'TYPE public.price',
            ]),
          );
          await expectDropAllLeavesNothing(source, db.url);
        },
        120_000,
      );
    }
  },
);
