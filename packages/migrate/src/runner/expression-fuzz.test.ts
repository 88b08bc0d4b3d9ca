/**
 * Generated and mutated expressions (quotes of every kind, E'' escapes, dollar quoting,
 * comments, semicolons, nesting, unicode): every text validation accepts renders to SQL
 * that Postgres runs as exactly one statement, as a default and as a check, in CREATE
 * TABLE, ADD COLUMN, SET DEFAULT and ADD CONSTRAINT. Each statement goes through the
 * extended protocol (one statement per call) inside a transaction that is rolled back; a
 * syntax error, or any table besides the expected ones, fails the property.
 */
import { renderOperationSql } from '@retort/codegen';
import { type CatalogColumn, type Operation, toCatalog, validateDesign } from '@retort/core';
import { databaseTargets, withTestDatabase } from '@retort/testing/databases';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Queryable } from '../contract';

const identifier = fc.constantFrom('a', 'b', '"a"', '"Weird ""q"" col"', '"é"', 'ü_col');
const anyText = fc.string({
  unit: fc.constantFrom('a', "'", '"', '\\', '$', ';', '-', '/', '*', ' ', '\n', 'é', '😀'),
  maxLength: 8,
});
const stringLiteral = fc.oneof(
  anyText.map((s) => `'${s.replaceAll("'", "''")}'`),
  anyText.map((s) => `E'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`),
  fc
    .tuple(fc.constantFrom('', 'q', 'tag'), anyText)
    .filter(([tag, s]) => !`${s}$`.includes(`$${tag}$`) && !s.endsWith('$'))
    .map(([tag, s]) => `$${tag}$${s}$${tag}$`),
);
const leaf = fc.oneof(
  identifier,
  stringLiteral,
  fc.integer().map(String),
  fc.constantFrom('NULL', 'true', 'now()', 'CURRENT_TIMESTAMP', "interval '1 day'", '1.50', '-0.5'),
);
const { expression } = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(
        tie('expression'),
        fc.constantFrom(
          '+',
          '-',
          '*',
          '||',
          '=',
          '<>',
          'AND',
          'OR',
          '<',
          'IS DISTINCT FROM',
          'LIKE',
          '->>',
        ),
        tie('expression'),
      )
      .map(([l, op, r]) => `${l} ${op} ${r}`),
    tie('expression').map((e) => `(${e})`),
    tie('expression').map((e) => `abs(${e})`),
    tie('expression').map((e) => `NOT ${e}`),
    tie('expression').map((e) => `- ${e}`),
    tie('expression').map((e) => `${e} IS NULL`),
    tie('expression').map((e) => `${e}::text`),
    tie('expression').map((e) => `${e} AT TIME ZONE 'utc'`),
    tie('expression').map((e) => `${e} COLLATE "C"`),
    fc
      .array(tie('expression'), { minLength: 1, maxLength: 3 })
      .map((a) => `coalesce(${a.join(', ')})`),
    fc
      .tuple(tie('expression'), fc.array(tie('expression'), { minLength: 1, maxLength: 3 }))
      .map(([x, a]) => `${x} IN (${a.join(', ')})`),
    tie('expression').map((e) => `CASE WHEN ${e} THEN 1 ELSE 2 END`),
    tie('expression').map((e) => `ARRAY[${e}]`),
  ),
}));

const FRAGMENTS = [
  "'",
  '"',
  '$$',
  '$a$',
  ';',
  '--',
  '/*',
  '*/',
  ')',
  '(',
  "E'\\'",
  '\\',
  '\n',
  '\u2028',
  'ü',
  ' ; DROP TABLE victim ; ',
  "' ; DROP TABLE victim ; SELECT '",
  '$$ ; DROP TABLE victim ; SELECT $$',
  "E'\\'' ; DROP TABLE victim ; SELECT E'\\''",
  ') ; DROP TABLE victim ; SELECT (',
];

/** An expression with a few fragments inserted and a few characters deleted. */
const mutated = fc
  .tuple(
    expression,
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FRAGMENTS), fc.boolean()), { maxLength: 4 }),
  )
  .map(([text, edits]) =>
    edits.reduce((out, [at, fragment, insert]) => {
      const i = at % (out.length + 1);
      return insert
        ? out.slice(0, i) + fragment + out.slice(i)
        : out.slice(0, i) + out.slice(i + 3);
    }, text),
  );

function designWith(sql: string) {
  return {
    format: 'retort.design/5',
    name: 'fuzz',
    enums: [],
    tables: [
      {
        id: 't',
        name: 'fz',
        columns: [
          { id: 'a', name: 'a', type: 'INTEGER' },
          { id: 'b', name: 'b', type: 'TEXT', default: { sql } },
        ],
        checks: [{ id: 'k', name: 'fz_check', expression: sql }],
      },
    ],
  };
}

/** Every statement Retort renders with the expression as a default and as a check. */
function statementsFor(sql: string): string[] | null {
  const { design } = validateDesign(designWith(sql));
  if (!design) return null;
  const table = toCatalog(design).tables[0]!;
  const b = table.columns.find((c) => c.name === 'b')!;
  const bare: CatalogColumn = { ...b, default: null };
  const ops: Operation[] = [
    { kind: 'create_table', table },
    { kind: 'add_column', table: 'fz', column: { ...b, name: 'c' } },
    { kind: 'alter_column', table: 'fz', before: bare, after: b },
    { kind: 'create_check', table: 'fz', check: { ...table.checks[0]!, name: 'fz_check2' } },
  ];
  return ops.flatMap((op) => renderOperationSql(op));
}

class RolledBack extends Error {}

async function runAll(tx: Queryable, statements: string[]): Promise<void> {
  for (const statement of statements) {
    await tx.query('SAVEPOINT fuzz');
    try {
      await tx.query(statement);
      await tx.query('RELEASE SAVEPOINT fuzz');
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT fuzz');
      const code = (error as { code?: string }).code;
      // A wrong type or an unknown function is fine; SQL that is not one statement is not.
      if (code === '42601' || /multiple commands/.test(String(error))) {
        throw new Error(`${statement}\n  → ${String(error)}`);
      }
    }
  }
  const { rows } = await tx.query<{ relname: string }>(
    "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY relname",
  );
  const tables = rows.map((r) => r.relname);
  if (!tables.includes('victim') || tables.some((t) => t !== 'victim' && t !== 'fz')) {
    throw new Error(`after ${statements.join('; ')} the tables are ${tables.join(', ')}`);
  }
}

describe.each(databaseTargets())('expressions validation accepts, on %s', (kind) => {
  it('render to SQL Postgres runs as exactly one statement each', async () => {
    await withTestDatabase(kind, async (db) => {
      await db.exec('CREATE TABLE victim (v INT)');
      let accepted = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(expression, mutated), async (sql) => {
          const statements = statementsFor(sql);
          if (statements === null) {
            refused++;
            return;
          }
          accepted++;
          await db
            .transaction(async (tx) => {
              await runAll(tx, statements);
              throw new RolledBack();
            })
            .catch((error: unknown) => {
              if (!(error instanceof RolledBack)) throw error;
            });
        }),
        { seed: 20261130, numRuns: 400 },
      );
      // The property says something only if both kinds of text were seen often.
      expect(accepted).toBeGreaterThan(80);
      expect(refused).toBeGreaterThan(40);
    });
  });
});
