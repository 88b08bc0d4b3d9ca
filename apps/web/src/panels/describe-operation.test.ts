import type { CatalogObject } from '@retort/core';
import { describe, expect, it } from 'vitest';
import { describeOperation } from './describe-operation';

const view = (name: string, definition: string): CatalogObject => ({
  kind: 'view',
  schema: 'public',
  name,
  table: null,
  definition,
  comment: null,
  dependsOn: [],
});

describe('the review names object changes', () => {
  it('says Rename when a replace changes the name, Replace when it changes the definition', () => {
    const before = view('top_accounts', ' SELECT 1;');
    expect(
      describeOperation({
        kind: 'replace_object',
        before,
        after: view('best_accounts', ' SELECT 1;'),
      }),
    ).toBe('Rename view public.top_accounts to best_accounts');
    expect(
      describeOperation({
        kind: 'replace_object',
        before,
        after: view('top_accounts', ' SELECT 2;'),
      }),
    ).toBe('Replace view public.top_accounts');
  });

  it('says an aggregate is replaced in place, and what an event trigger revision does to its state', () => {
    const aggregate: CatalogObject = {
      kind: 'aggregate',
      schema: 'public',
      name: 'total(bigint)',
      table: null,
      definition:
        "CREATE AGGREGATE public.total(bigint) (\n    SFUNC = int8pl,\n    STYPE = bigint,\n    INITCOND = '0'\n);",
      comment: null,
      dependsOn: [],
    };
    expect(
      describeOperation({
        kind: 'replace_object',
        before: aggregate,
        after: { ...aggregate, definition: aggregate.definition.replace("'0'", "'1'") },
      }),
    ).toBe(
      'Replace aggregate public.total(bigint) in place (CREATE OR REPLACE AGGREGATE); what uses it stays',
    );
    const trigger: CatalogObject = {
      kind: 'event_trigger',
      schema: '',
      name: 'note_ddl',
      table: null,
      definition:
        'CREATE EVENT TRIGGER note_ddl ON ddl_command_end\n   EXECUTE FUNCTION public.f();',
      comment: null,
      dependsOn: [],
    };
    const disabled = {
      ...trigger,
      name: 'table_ddl',
      definition: `${trigger.definition.replace('note_ddl', 'table_ddl')}\n\nALTER EVENT TRIGGER table_ddl DISABLE;`,
    };
    expect(describeOperation({ kind: 'replace_object', before: trigger, after: disabled })).toBe(
      'Rename event trigger note_ddl to table_ddl, then disable it',
    );
    expect(describeOperation({ kind: 'replace_object', before: disabled, after: trigger })).toBe(
      'Rename event trigger table_ddl to note_ddl, then enable it',
    );
    const always = {
      ...trigger,
      definition: `${trigger.definition}\n\nALTER EVENT TRIGGER note_ddl ENABLE ALWAYS;`,
    };
    expect(describeOperation({ kind: 'replace_object', before: trigger, after: always })).toBe(
      'Enable event trigger note_ddl always',
    );
    expect(
      describeOperation({
        kind: 'replace_object',
        before: trigger,
        after: { ...trigger, comment: 'x' },
      }),
    ).toBe('Replace event trigger note_ddl');
  });
});
