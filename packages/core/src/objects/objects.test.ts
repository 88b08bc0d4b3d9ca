/**
 * Objects in the design: validation names what Postgres would refuse, the catalog carries
 * them by name, and the diff creates them in dependency order, drops them in reverse, and
 * drops and re-creates the stacked views and the policy around a column type change.
 */
import {
  disabledAndRenamed,
  eventTriggerDesign,
  retagged,
} from '@retort/testing/event-trigger-design';
import { appended, objectsDesign, reshaped, widened } from '@retort/testing/objects-design';
import { describe, expect, it } from 'vitest';
import { describeCatalogDifferences } from '../catalog/compare';
import { toCatalog } from '../catalog/from-design';
import type { Design } from '../design/types';
import { validateDesign } from '../design/validate';
import { diff } from '../diff/diff';
import { lintOperations } from '../lint/lint';
import { applyOperations } from '../operations/apply';
import { reverseOperations } from '../operations/reverse';
import type { Operation } from '../operations/types';
import {
  createObjectSql,
  dropObjectSql,
  eventTriggerParts,
  replaceableInPlace,
  replaceObjectSql,
} from './plan-sql';
import { type CatalogObject, describeObject } from './types';
import { columnsKept, viewKeepsColumns } from './view-columns';

const empty: Design = { format: 'retort.design/5', name: 'ledger', enums: [], tables: [] };

const steps = (ops: Operation[]) =>
  ops.map((op) => {
    switch (op.kind) {
      case 'create_object':
      case 'drop_object':
        return `${op.kind} ${describeObject(op.object)}${op.around ? ` around ${op.around.join(',')}` : ''}`;
      case 'replace_object':
        return `${op.kind} ${describeObject(op.after)}`;
      case 'alter_column':
        return `${op.kind} ${op.table}.${op.before.name} ${op.before.type} -> ${op.after.type}`;
      default:
        return op.kind;
    }
  });

describe('design objects', () => {
  it('are valid, and each problem has its path and sentence', () => {
    expect(validateDesign(objectsDesign()).problems).toEqual([]);
    const design = objectsDesign();
    const objects = design.objects!;
    const broken: Design = {
      ...design,
      objects: [
        ...objects.slice(0, 3),
        { ...objects[3]!, dependsOn: ['o_nowhere'] },
        { ...objects[4]!, table: null },
        { ...objects[2]!, id: 'o_again' },
      ],
    };
    expect(validateDesign(broken).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "objects[4].table: a policy belongs to a table: give the table's id.",
      'objects[5].name: view "rich_accounts" has the name of view rich_accounts in schema public.',
      'objects[3].dependsOn[0]: "o_nowhere" is no table or object of the design.',
    ]);
    const circle: Design = {
      ...design,
      objects: objects.map((o) => (o.id === 'o_rich' ? { ...o, dependsOn: ['o_richest'] } : o)),
    };
    expect(validateDesign(circle).problems.map((p) => p.message)).toEqual([
      'objects depend on each other in a circle (o_rich -> o_richest -> o_rich); Postgres could create none of them first.',
    ]);
  });

  it('are created after the tables in dependency order, and dropped in reverse', () => {
    const ops = diff(empty, objectsDesign());
    expect(steps(ops)).toEqual([
      'create_object function public.current_owner()',
      'create_object function public.touch()',
      'create_table',
      'create_object view public.rich_accounts',
      'create_object view public.richest_accounts',
      'create_object row-level security on public.accounts',
      'create_object forced row-level security on public.accounts',
      'create_object policy public.accounts_owner on accounts',
      'create_object trigger public.accounts_touch on accounts',
    ]);
    expect(diff(objectsDesign(), empty)).toEqual(reverseOperations(ops));
    expect(
      describeCatalogDifferences(
        toCatalog(objectsDesign()),
        applyOperations(toCatalog(empty), ops),
      ),
    ).toEqual([]);
  });

  it('around a column type change: the stacked views, the policy and the trigger are dropped first and created again after', () => {
    const before = objectsDesign();
    const after = widened(before);
    const ops = diff(before, after);
    expect(steps(ops)).toEqual([
      'drop_object trigger public.accounts_touch on accounts around accounts',
      'drop_object policy public.accounts_owner on accounts around accounts',
      'drop_object forced row-level security on public.accounts around accounts',
      'drop_object row-level security on public.accounts around accounts',
      'drop_object view public.richest_accounts around accounts',
      'drop_object view public.rich_accounts around accounts',
      'alter_column accounts.balance INTEGER -> BIGINT',
      'alter_column accounts.owner_id INTEGER -> BIGINT',
      'create_object view public.rich_accounts around accounts',
      'create_object view public.richest_accounts around accounts',
      'create_object row-level security on public.accounts around accounts',
      'create_object forced row-level security on public.accounts around accounts',
      'create_object policy public.accounts_owner on accounts around accounts',
      'create_object trigger public.accounts_touch on accounts around accounts',
    ]);
    expect(diff(after, before)).toEqual(reverseOperations(ops));
    expect(lintOperations(ops).filter((f) => f.code === 'recreate-dependent-object')).toHaveLength(
      6,
    );
  });

  it('outside public: keyed by the table’s qualified name, planned around its change, refused in another schema than their table’s', () => {
    const before = inSchema(objectsDesign(), 'ledger');
    expect(validateDesign(before).problems).toEqual([]);
    const catalog = toCatalog(before);
    expect(catalog.objects!.find((o) => o.kind === 'policy')).toMatchObject({
      schema: 'ledger',
      table: 'accounts',
      dependsOn: ['function:ledger.current_owner()', 'table:ledger.accounts'],
    });
    const ops = diff(before, widened(before));
    expect(steps(ops).filter((s) => s.includes('around'))).toHaveLength(12);
    expect(steps(ops)[0]).toBe(
      'drop_object trigger ledger.accounts_touch on accounts around ledger.accounts',
    );
    expect(diff(widened(before), before)).toEqual(reverseOperations(ops));
    const view = catalog.objects!.find((o) => o.name === 'rich_accounts')!;
    expect(createObjectSql(view)[0]).toMatch(/^CREATE VIEW ledger\.rich_accounts AS\n/);
    const elsewhere: Design = {
      ...before,
      objects: before.objects!.map((o) => (o.kind === 'trigger' ? { ...o, schema: 'public' } : o)),
    };
    expect(validateDesign(elsewhere).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "objects[7].schema: a trigger is in its table's schema: ledger, not public.",
    ]);
  });

  it('a view keeping its columns is replaced, renames are ALTER ... RENAME, and each reverses exactly', () => {
    const before = objectsDesign();
    const after = reshaped(before);
    const ops = diff(before, after);
    expect(steps(ops)).toEqual([
      'drop_object trigger public.accounts_touch on accounts',
      'replace_object function public.touch_row()',
      'replace_object view public.rich_accounts',
      'replace_object view public.top_accounts',
      'create_object trigger public.accounts_touch on accounts',
    ]);
    const sql = (list: Operation[]) =>
      list.flatMap((op) =>
        op.kind === 'replace_object' ? [replaceObjectSql(op.before, op.after)] : [],
      );
    expect(sql(ops)).toEqual([
      ['ALTER FUNCTION public.touch() RENAME TO touch_row'],
      [
        'CREATE OR REPLACE VIEW public.rich_accounts AS\n SELECT accounts.id,\n    accounts.balance\n   FROM accounts\n  WHERE (accounts.balance > 50)',
      ],
      ['ALTER VIEW public.richest_accounts RENAME TO top_accounts'],
    ]);
    expect(diff(after, before)).toEqual(reverseOperations(ops));
    expect(sql(reverseOperations(ops))[0]).toEqual([
      'ALTER VIEW public.top_accounts RENAME TO richest_accounts',
    ]);
    expect(
      describeCatalogDifferences(toCatalog(after), applyOperations(toCatalog(before), ops)),
    ).toEqual([]);
  });

  it('a view appending a column is replaced while nothing depends on it; its reverse drops and creates it', () => {
    const before = objectsDesign();
    const ops = diff(before, appended(before));
    expect(steps(ops)).toEqual(['replace_object view public.richest_accounts']);
    const [op] = ops;
    if (op?.kind !== 'replace_object') throw new Error('expected a replace');
    expect(replaceObjectSql(op.before, op.after)[0]).toMatch(
      /^CREATE OR REPLACE VIEW public\.richest_accounts AS\n SELECT rich_accounts\.id,\n {4}rich_accounts\.balance,\n {4}\(rich_accounts\.balance \* 2\) AS doubled/,
    );
    expect(replaceObjectSql(op.after, op.before)).toEqual([
      'DROP VIEW public.richest_accounts',
      expect.stringMatching(/^CREATE VIEW public\.richest_accounts AS/),
    ]);
    // rich_accounts has a view over it: appending to it drops and creates both.
    const underneath: Design = {
      ...before,
      objects: before.objects!.map((o) =>
        o.id === 'o_rich'
          ? {
              ...o,
              definition: o.definition.replace(
                'accounts.balance\n',
                'accounts.balance,\n    accounts.owner_id\n',
              ),
            }
          : o,
      ),
    };
    expect(steps(diff(before, underneath))).toEqual([
      'drop_object view public.richest_accounts',
      'drop_object view public.rich_accounts',
      'create_object view public.rich_accounts',
      'create_object view public.richest_accounts',
    ]);
  });

  it('a view whose columns change otherwise is dropped and created with its dependents, and linted', () => {
    const before = objectsDesign();
    const after: Design = {
      ...before,
      objects: before.objects!.map((o) =>
        o.id === 'o_rich'
          ? {
              ...o,
              definition: o.definition.replace(
                'accounts.balance\n',
                '(accounts.balance)::numeric AS balance\n',
              ),
            }
          : o,
      ),
    };
    const ops = diff(before, after);
    expect(steps(ops)).toEqual([
      'drop_object view public.richest_accounts',
      'drop_object view public.rich_accounts',
      'create_object view public.rich_accounts',
      'create_object view public.richest_accounts',
    ]);
    expect(lintOperations(ops).map((f) => `${f.code} ${f.operation}`)).toEqual([
      'recreate-changed-view 1',
    ]);
  });

  it('tells from a query’s text whether its columns are kept', () => {
    const base =
      ' SELECT a.id,\n    f(a.x, \'y,z\') AS "odd, name"\n   FROM a\n  WHERE (a.id > 1);';
    expect(viewKeepsColumns(base, base.replace('> 1', '> 2'))).toBe(true);
    expect(viewKeepsColumns(base, base.replace('AS "odd, name"', 'AS "odd, name",\n    a.y'))).toBe(
      true,
    );
    expect(viewKeepsColumns(base, base.replace('a.id,', 'a.y,'))).toBe(false);
    expect(viewKeepsColumns(base, base.replace('FROM a', 'FROM b a'))).toBe(false);
    expect(viewKeepsColumns(base, base.replace('SELECT', 'SELECT DISTINCT'))).toBe(false);
    expect(viewKeepsColumns(base, `${base.slice(0, -1)}\nUNION\n SELECT 1, 2;`)).toBe(false);
    expect(
      columnsKept(
        [{ name: 'id', type: 'integer' }],
        [
          { name: 'id', type: 'integer' },
          { name: 'x', type: 'text' },
        ],
      ),
    ).toBe(true);
    expect(columnsKept([{ name: 'id', type: 'integer' }], [{ name: 'id', type: 'bigint' }])).toBe(
      false,
    );
  });

  it('a function changed in place is replaced; one whose result changes is dropped and created with its trigger', () => {
    const before = objectsDesign();
    const body = (design: Design, from: string, to: string): Design => ({
      ...design,
      objects: design.objects!.map((o) =>
        o.id === 'o_touch' ? { ...o, definition: o.definition.replace(from, to) } : o,
      ),
    });
    const inPlace = body(before, 'now()', 'clock_timestamp()');
    expect(steps(diff(before, inPlace))).toEqual(['replace_object function public.touch()']);
    const otherResult = body(before, 'RETURNS trigger', 'RETURNS event_trigger');
    expect(steps(diff(before, otherResult))).toEqual([
      'drop_object trigger public.accounts_touch on accounts',
      'drop_object function public.touch()',
      'create_object function public.touch()',
      'create_object trigger public.accounts_touch on accounts',
    ]);
  });

  it('dropping a function a trigger still calls, and SECURITY DEFINER without search_path, are linted', () => {
    const design = objectsDesign();
    const touch = toCatalog(design).objects!.find((o) => o.name === 'touch()')!;
    const findings = lintOperations(
      [{ kind: 'drop_object', object: touch }],
      undefined,
      toCatalog(design),
    );
    expect(findings.map((f) => `${f.code}: ${f.message}`)).toEqual([
      'drop-function-used-by-trigger: Dropping function public.touch() fails: trigger public.accounts_touch on accounts still calls it.',
    ]);
    const owner = toCatalog(design).objects!.find((o) => o.name === 'current_owner()')!;
    const loose = {
      ...owner,
      definition: owner.definition.replace(/ SET search_path[^\n]*\n/, ''),
    };
    expect(lintOperations([{ kind: 'create_object', object: loose }]).map((f) => f.code)).toEqual([
      'security-definer-without-search-path',
    ]);
    expect(lintOperations([{ kind: 'create_object', object: owner }])).toEqual([]);
  });

  it('rules and aggregates: dropped by name, replaced in place, renamed', () => {
    const rule: CatalogObject = {
      kind: 'rule',
      schema: 'public',
      name: 'accounts_keep',
      table: 'accounts',
      definition:
        'CREATE RULE accounts_keep AS\n    ON DELETE TO public.accounts DO INSTEAD NOTHING;',
      comment: null,
      dependsOn: ['table:accounts'],
    };
    const aggregate: CatalogObject = {
      kind: 'aggregate',
      schema: 'public',
      name: 'total(bigint)',
      table: null,
      definition:
        "CREATE AGGREGATE public.total(bigint) (\n    SFUNC = int8pl,\n    STYPE = bigint,\n    INITCOND = '0'\n);",
      comment: 'Sums from zero',
      dependsOn: [],
    };
    expect(dropObjectSql(rule)).toEqual(['DROP RULE accounts_keep ON public.accounts']);
    expect(dropObjectSql(aggregate)).toEqual(['DROP AGGREGATE public.total(bigint)']);
    expect(createObjectSql(aggregate)[1]).toBe(
      "COMMENT ON AGGREGATE public.total(bigint) IS 'Sums from zero'",
    );
    const onUpdate = { ...rule, definition: rule.definition.replace('DELETE', 'UPDATE') };
    expect(replaceableInPlace(rule, onUpdate)).toBe(true);
    expect(replaceObjectSql(rule, onUpdate)).toEqual([
      'CREATE OR REPLACE RULE accounts_keep AS\n    ON UPDATE TO public.accounts DO INSTEAD NOTHING',
    ]);
    const renamedRule = {
      ...rule,
      name: 'accounts_kept',
      definition: rule.definition.replace('accounts_keep', 'accounts_kept'),
    };
    expect(replaceObjectSql(rule, renamedRule)).toEqual([
      'ALTER RULE accounts_keep ON public.accounts RENAME TO accounts_kept',
    ]);
    const sum = {
      ...aggregate,
      name: 'sum_all(bigint)',
      definition: aggregate.definition.replace('public.total(', 'public.sum_all('),
    };
    expect(replaceableInPlace(aggregate, sum)).toBe(true);
    expect(replaceObjectSql(aggregate, sum)).toEqual([
      'ALTER AGGREGATE public.total(bigint) RENAME TO sum_all',
    ]);
    // Postgres 12 on replaces an aggregate whose arguments and result type stay.
    const fromOne = { ...aggregate, definition: aggregate.definition.replace("'0'", "'1'") };
    expect(replaceableInPlace(aggregate, fromOne)).toBe(true);
    expect(replaceObjectSql(aggregate, fromOne)).toEqual([
      "CREATE OR REPLACE AGGREGATE public.total(bigint) (\n    SFUNC = int8pl,\n    STYPE = bigint,\n    INITCOND = '1'\n)",
    ]);
    const numeric = {
      ...aggregate,
      definition: aggregate.definition.replace('STYPE = bigint', 'STYPE = numeric'),
    };
    expect(replaceableInPlace(aggregate, numeric)).toBe(false);
    const finished = {
      ...numeric,
      definition: numeric.definition.replace('STYPE', 'FINALFUNC = public.to_bigint,\n    STYPE'),
    };
    expect(replaceableInPlace(aggregate, finished)).toBe(false);
    expect(
      replaceableInPlace(finished, {
        ...finished,
        definition: finished.definition.replace("'0'", "'1'"),
      }),
    ).toBe(true);
  });

  it('event triggers: no schema, validated and keyed by name, their state changed in place', () => {
    const design = eventTriggerDesign();
    expect(validateDesign(design).problems).toEqual([]);
    const trigger = design.objects![1]!;
    const twice: Design = {
      ...design,
      objects: [...design.objects!, { ...trigger, id: 'o_again', schema: 'public' }],
    };
    expect(validateDesign(twice).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'objects[2].schema: an event trigger belongs to the whole database; its schema must be "".',
      'objects[2].name: event trigger "note_ddl" has the name of another event trigger note_ddl.',
    ]);
    const catalog = toCatalog(design).objects!.find((o) => o.kind === 'event_trigger')!;
    expect(describeObject(catalog)).toBe('event trigger note_ddl');
    expect(catalog.dependsOn).toEqual(['function:public.note_ddl()']);
    expect(
      eventTriggerParts(`${catalog.definition}\n\nALTER EVENT TRIGGER note_ddl DISABLE;`),
    ).toEqual({
      create: catalog.definition.replace(/;$/, ''),
      state: 'ALTER EVENT TRIGGER note_ddl DISABLE',
    });
    const always = {
      ...catalog,
      definition: `${catalog.definition}\n\nALTER EVENT TRIGGER note_ddl ENABLE ALWAYS;`,
    };
    expect(createObjectSql(always)).toEqual([
      catalog.definition.replace(/;$/, ''),
      'ALTER EVENT TRIGGER note_ddl ENABLE ALWAYS',
      "COMMENT ON EVENT TRIGGER note_ddl IS 'Notes table DDL'",
    ]);
    expect(replaceableInPlace(catalog, always)).toBe(true);
    expect(replaceObjectSql(always, catalog)).toEqual(['ALTER EVENT TRIGGER note_ddl ENABLE']);
    const onStart = { ...catalog, definition: catalog.definition.replace('_end', '_start') };
    expect(replaceableInPlace(catalog, onStart)).toBe(false);
    const ops = diff(empty, disabledAndRenamed());
    expect(steps(ops)).toEqual([
      'create_object function public.note_ddl()',
      'create_object event trigger table_ddl',
    ]);
    expect(steps(diff(design, disabledAndRenamed()))).toEqual([
      'replace_object event trigger table_ddl',
    ]);
    expect(steps(diff(disabledAndRenamed(), retagged()))).toEqual([
      'drop_object event trigger table_ddl',
      'create_object event trigger table_ddl',
    ]);
    expect(
      lintOperations(reverseOperations(ops), undefined, toCatalog(disabledAndRenamed())).map(
        (f) => f.code,
      ),
    ).toEqual([]);
    expect(
      lintOperations(
        [
          {
            kind: 'drop_object',
            object: toCatalog(design).objects!.find((o) => o.kind === 'function')!,
          },
        ],
        undefined,
        toCatalog(design),
      ).map((f) => f.message),
    ).toEqual([
      'Dropping function public.note_ddl() fails: event trigger note_ddl still calls it.',
    ]);
  });

  it('render as SQL Postgres runs: one statement each, comments beside', () => {
    const objects = toCatalog(objectsDesign()).objects!;
    const view = objects.find((o) => o.name === 'rich_accounts')!;
    expect(createObjectSql(view)).toEqual([
      'CREATE VIEW public.rich_accounts AS\n SELECT accounts.id,\n    accounts.balance\n   FROM accounts\n  WHERE (accounts.balance > 100)',
      "COMMENT ON VIEW public.rich_accounts IS 'Accounts over 100'",
    ]);
    const trigger = objects.find((o) => o.kind === 'trigger')!;
    expect(dropObjectSql(trigger)).toEqual(['DROP TRIGGER accounts_touch ON public.accounts']);
    const force = objects.find((o) => o.kind === 'force_row_security')!;
    expect(dropObjectSql(force)).toEqual([
      'ALTER TABLE public.accounts NO FORCE ROW LEVEL SECURITY',
    ]);
  });
});

/** The design with its table and objects in `schema`. */
function inSchema(design: Design, schema: string): Design {
  return {
    ...design,
    tables: design.tables.map((t) => ({ ...t, schema })),
    objects: design.objects!.map((o) => ({
      ...o,
      schema,
      definition: o.definition
        .replaceAll('public.', `${schema}.`)
        .replace('FROM accounts', `FROM ${schema}.accounts`)
        .replace('FROM rich_accounts', `FROM ${schema}.rich_accounts`),
    })),
  };
}
