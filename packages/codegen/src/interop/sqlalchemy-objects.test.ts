import { eventTriggerDesign } from '@retort/testing/event-trigger-design';
import { objectsDesign } from '@retort/testing/objects-design';
import { dumpObjects } from '@retort/testing/pg-dump';
import { describe, expect, it } from 'vitest';
import { MODEL_STYLES, PYTHON_READY, pythonModels } from '../testing/python-models';

const { expectCreateAllAsSql, expectDropAllLeavesNothing } = pythonModels('sa_objects');

describe.skipIf(!PYTHON_READY)('SQLAlchemy create_all builds the objects', () => {
  for (const [style, emit, runs] of MODEL_STYLES) {
    it.runIf(runs)(
      `${style}: the same pg_dump as Retort's SQL, and drop_all leaves nothing`,
      async () => {
        const design = objectsDesign();
        const source = emit(design);
        expect(source).toContain("event.listen(Base.metadata, 'after_create', DDL(_statement))");
        const { dump, db } = await expectCreateAllAsSql(design, source);
        expect([...dumpObjects(dump).keys()]).toEqual(
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
        await expectDropAllLeavesNothing(source, db.url);
      },
      120_000,
    );
    it.runIf(runs)(
      `${style}: an event trigger after its function, removed before it`,
      async () => {
        const design = eventTriggerDesign();
        const source = emit(design);
        const { dump, db } = await expectCreateAllAsSql(design, source);
        expect([...dumpObjects(dump).keys()]).toEqual([
          'FUNCTION public.note_ddl()',
          'EVENT TRIGGER note_ddl',
          'COMMENT EVENT TRIGGER note_ddl',
        ]);
        await expectDropAllLeavesNothing(source, db.url);
      },
      120_000,
    );
  }
});
