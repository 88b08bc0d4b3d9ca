/**
 * Every output carries the design's objects: SQL creates them after the tables, an Alembic
 * revision runs them with `op.execute` in both directions, and the formats that have no
 * words for them say so in a comment, object by object.
 */
import { type Design, diff } from '@retort/core';
import { objectsDesign } from '@retort/testing/objects-design';
import { freshPglite } from '@retort/testing/pglite';
import { describe, expect, it } from 'vitest';
import { emitAlembicRevision } from '../alembic';
import { designToDbml } from '../dbml';
import { emitDrizzle } from '../drizzle';
import { emitKysely } from '../kysely';
import { designToMermaid } from '../mermaid';
import { emitTypeorm } from '../typeorm';
import { emitSql } from './emit';
import { renderOperationSql } from './render';

const listed = [
  'function public.current_owner()',
  'function public.touch()',
  'view public.rich_accounts',
  'view public.richest_accounts',
  'row-level security on public.accounts',
  'forced row-level security on public.accounts',
  'policy public.accounts_owner on accounts',
  'trigger public.accounts_touch on accounts',
];

describe('design objects in every output', () => {
  it('SQL creates each object after what it needs', () => {
    const sql = emitSql(objectsDesign());
    const at = (text: string) => sql.indexOf(text);
    expect(at('CREATE TABLE accounts')).toBeGreaterThan(at('FUNCTION public.touch()'));
    expect(at('CREATE VIEW public.rich_accounts')).toBeGreaterThan(at('CREATE TABLE accounts'));
    expect(at('CREATE VIEW public.richest_accounts')).toBeGreaterThan(
      at('CREATE VIEW public.rich_accounts'),
    );
    expect(sql).toContain(
      "COMMENT ON TRIGGER accounts_touch ON public.accounts IS 'Stamps touched_at';",
    );
    expect(sql).toContain('ALTER TABLE public.accounts FORCE ROW LEVEL SECURITY;');
  });

  it('an Alembic revision executes the definitions up and the drops down', () => {
    const empty: Design = { ...objectsDesign(), tables: [], objects: undefined };
    const source = emitAlembicRevision({
      id: 'a1b2c3d4e5f6',
      parent: null,
      message: 'ledger',
      createdAt: '2026-01-01T00:00:00.000Z',
      operations: diff(empty, objectsDesign()),
      enums: [],
    });
    const [upgrade, downgrade] = source.split('def downgrade');
    expect(upgrade).toContain("op.execute('CREATE VIEW public.richest_accounts AS\\n");
    expect(upgrade).toContain('NEW.touched_at := now();');
    expect(downgrade).toContain("op.execute('DROP VIEW public.richest_accounts')");
    expect(downgrade!.indexOf('DROP VIEW public.richest_accounts')).toBeLessThan(
      downgrade!.indexOf('DROP VIEW public.rich_accounts'),
    );
  });

  it.each([
    ['Drizzle', emitDrizzle, '//', false],
    ['TypeORM', emitTypeorm, '//', false],
    ['Kysely', emitKysely, '//', false],
    ['DBML', designToDbml, '//', true],
    ['A Mermaid ER diagram', designToMermaid, '    %%', true],
  ] as const)('%s lists what it cannot express', (library, emit, comment, views) => {
    const out = emit(objectsDesign());
    // The TypeScript libraries write views themselves (pgView, @ViewEntity, an interface).
    const unexpressed = listed.filter((l) => views || !l.startsWith('view '));
    expect(out).toContain(
      `${comment} ${library} cannot express these objects; Retort's SQL and Alembic revisions create them:\n${unexpressed.map((l) => `${comment}   ${l}`).join('\n')}\n`,
    );
    expect(emit({ ...objectsDesign(), objects: undefined })).not.toContain(
      'cannot express these objects',
    );
  });
});

describe('a SQL-language routine whose body names a table created after it', () => {
  const counter = {
    kind: 'function' as const,
    schema: 'public',
    name: 'account_count()',
    table: null,
    definition: `CREATE OR REPLACE FUNCTION public.account_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$ SELECT count(*) FROM public.accounts $function$
`,
    comment: null,
    dependsOn: [],
  };

  it('is created with the body check off, as pg_dump does, and the check back on after', async () => {
    const statements = renderOperationSql({ kind: 'create_object', object: counter });
    expect(statements[0]).toBe('SET check_function_bodies = off');
    expect(statements.at(-1)).toBe('RESET check_function_bodies');
    const db = await freshPglite();
    try {
      for (const statement of statements) await db.exec(statement);
      await db.exec('CREATE TABLE accounts (id integer)');
      expect((await db.query('SELECT public.account_count() AS n')).rows).toEqual([{ n: 0 }]);
      expect((await db.query('SHOW check_function_bodies')).rows).toEqual([
        { check_function_bodies: 'on' },
      ]);
    } finally {
      await db.close();
    }
  });

  it('a plpgsql routine, checked only when it runs, is created as it is', () => {
    const plpgsql = {
      ...counter,
      definition: counter.definition.replace('LANGUAGE sql', 'LANGUAGE plpgsql'),
    };
    expect(renderOperationSql({ kind: 'create_object', object: plpgsql })).toEqual([
      plpgsql.definition.trimEnd(),
    ]);
  });
});
