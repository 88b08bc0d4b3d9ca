import { describe, expect, it } from 'vitest';
import { canonicalExpression } from './canonical';
import { isSingleExpression } from './parse';

/** What a design says, what Postgres' pg_get_expr reads back, and the one canonical form. */
const SAME: Array<[string, string, string]> = [
  ["'new'", "'new'::order_status", "'new'"],
  ["'x'", "'x'::character varying", "'x'"],
  ["'x'", "'x'::text", "'x'"],
  ["full_name <> ''", "(full_name <> ''::text)", "full_name <> ''"],
  ['now()', 'now()', 'now()'],
  ['NOW( )', 'now()', 'now()'],
  ['current_timestamp', 'CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP'],
  ['CURRENT_DATE', 'CURRENT_DATE', 'CURRENT_DATE'],
  ['0', '0', '0'],
  ['-1', "'-1'::integer", '-1'],
  ['-2.5', "'-2.5'::numeric", '-2.5'],
  ['TRUE', 'true', 'true'],
  ["'{}'::jsonb", "'{}'::jsonb", "'{}'"],
  ["'{}'", "'{}'::jsonb", "'{}'"],
  ["'{}'", "'{}'::text[]", "'{}'"],
  ['ARRAY[]::text[]', 'ARRAY[]::text[]', 'ARRAY[]::text[]'],
  ['gen_random_uuid()', 'gen_random_uuid()', 'gen_random_uuid()'],
  [
    'price >= 0 AND price < 1000',
    '((price >= (0)::numeric) AND (price < (1000)::numeric))',
    '(price >= 0) AND (price < 1000)',
  ],
  ['quantity > 0', '(quantity > 0)', 'quantity > 0'],
  ["status IN ('a', 'b')", "(status = ANY (ARRAY['a'::text, 'b'::text]))", "status IN ('a', 'b')"],
  ["status NOT IN ('a')", "(status <> 'a'::text)", "status <> 'a'"],
  [
    "status NOT IN ('a', 'b')",
    "(status <> ALL (ARRAY['a'::text, 'b'::text]))",
    "status NOT IN ('a', 'b')",
  ],
  ["status IN ('a')", "(status = 'a'::text)", "status = 'a'"],
  ['a BETWEEN 1 AND 5', '((a >= 1) AND (a <= 5))', '(a >= 1) AND (a <= 5)'],
  ["now() + '3 days'::interval", "(now() + '3 days'::interval)", "now() + '3 days'::interval"],
  ["timezone('utc', now())", "timezone('utc'::text, now())", "timezone('utc', now())"],
  ["email LIKE '%@%'", "(email ~~ '%@%'::text)", "email LIKE '%@%'"],
  ['x IS NOT NULL', '(x IS NOT NULL)', 'x IS NOT NULL'],
  ['"Weird Col" > 1', '("Weird Col" > 1)', '"Weird Col" > 1'],
  ["'it''s'", "'it''s'::text", "'it''s'"],
  [
    "started_at > '2000-01-01'::timestamp",
    "(started_at > '2000-01-01 00:00:00'::timestamp without time zone)",
    "started_at > '2000-01-01 00:00:00'::timestamp",
  ],
];

describe('canonicalExpression', () => {
  it.each(SAME)('spells %j and %j the same', (design, postgres, canonical) => {
    expect(canonicalExpression(design)).toBe(canonicalExpression(postgres));
    if (canonical) expect(canonicalExpression(design)).toBe(canonical);
  });

  it('drops the ::text Postgres adds to a VARCHAR column, given the columns', () => {
    const columns = { name: 'VARCHAR(40)', id: 'INTEGER' };
    expect(canonicalExpression('(length((name)::text) > 0)', { columns })).toBe(
      canonicalExpression('length(name) > 0', { columns }),
    );
    expect(canonicalExpression("((name)::text <> ''::text)", { columns })).toBe("name <> ''");
    // On an integer column the cast changes the meaning, so it stays.
    expect(canonicalExpression("((id)::text ~~ '1%'::text)", { columns })).toBe(
      "id::text LIKE '1%'",
    );
  });

  it('keeps casts that carry meaning', () => {
    expect(canonicalExpression("created_at > '2020-01-01'::date")).toBe(
      "created_at > '2020-01-01'::date",
    );
    expect(canonicalExpression('(x)::bigint + 1')).toBe('x::bigint + 1');
    expect(canonicalExpression('x::character varying(10)')).toBe('x::varchar(10)');
  });

  it('reads what Postgres reads: IS DISTINCT FROM, AT TIME ZONE, COLLATE, interval and E strings', () => {
    expect(canonicalExpression('(A IS DISTINCT FROM  "B")')).toBe('a IS DISTINCT FROM "B"');
    expect(canonicalExpression("now() at time zone 'utc'")).toBe("now() AT TIME ZONE 'utc'");
    expect(canonicalExpression('name COLLATE "C" < \'b\'')).toBe('(name COLLATE "C") < \'b\'');
    expect(canonicalExpression("now() + interval '1 day'")).toBe("now() + '1 day'::interval");
    expect(canonicalExpression("E'it\\'s'")).toBe("'it''s'");
    expect(canonicalExpression('$$a\\b$$')).toBe("E'a\\\\b'");
    expect(canonicalExpression("$t$it's$t$")).toBe("'it''s'");
  });

  it('keeps a default that could not follow DEFAULT as it is in parentheses', () => {
    const asDefault = { role: 'default' } as const;
    expect(canonicalExpression("now() AT TIME ZONE 'utc'", asDefault)).toBe(
      "(now() AT TIME ZONE 'utc')",
    );
    expect(canonicalExpression('(x IS NULL)', asDefault)).toBe('(x IS NULL)');
    expect(canonicalExpression('now() + 1', asDefault)).toBe('now() + 1');
    expect(canonicalExpression("'a'::text", asDefault)).toBe("'a'");
  });

  it('keeps a negative number inside a cast in parentheses', () => {
    expect(canonicalExpression('x || (-1)::text')).toBe('x || (-1)::text');
    expect(canonicalExpression('- (-x)')).toBe('-(-x)');
  });
});

describe('isSingleExpression', () => {
  it.each([
    'now()',
    '0',
    "'x'",
    'gen_random_uuid()',
    'CURRENT_TIMESTAMP',
    "'{}'::jsonb",
    "full_name <> ''",
    'price >= 0 AND price < 1000',
    "status IN ('a', 'b')",
    'a IS DISTINCT FROM b',
    "'--' || '/*'",
    "E'\\''",
    '$$;$$',
    'name COLLATE "C" > \'a\'',
    "interval '1 day'",
    "now() AT TIME ZONE 'utc'",
    'begin < finish',
    "comment IS NULL OR comment <> ''",
  ])('accepts %j', (sql) => {
    expect(isSingleExpression(sql)).toBeNull();
  });

  it.each([
    ['1; DROP TABLE x', 'contains ";": it must be exactly one expression, not statements.'],
    ['(', 'ends before the expression is complete.'],
    ['1)', 'is not a valid SQL expression: syntax error at or near ")" (character 2).'],
    ['SELECT 1', 'is a statement, not an expression.'],
    ['DROP TABLE x', 'is a statement, not an expression.'],
    ['1 FROM t', 'is a query, not one expression.'],
    ['1, 2', 'is 2 expressions separated by ",", not one.'],
    ['1 AS x', 'names its value ("x"); write the expression alone.'],
    ['ALL 1', 'is not a valid SQL expression: syntax error at or near "ALL" (character 1).'],
    ['DEFAULT', 'is DEFAULT, not an expression.'],
    ['1;', 'contains ";": it must be exactly one expression, not statements.'],
    ['x IN (SELECT 1)', 'contains a subquery, which Postgres does not allow here.'],
    ['', 'is empty.'],
    ['   ', 'is empty.'],
    ['(SELECT max(id) FROM t)', 'contains a subquery, which Postgres does not allow here.'],
    ['1 +', 'ends before the expression is complete.'],
    ['a b c', 'is not a valid SQL expression: syntax error at or near "c" (character 5).'],
    [
      "'abc",
      'is not a valid SQL expression: unterminated quoted string at or near "\'abc" (character 1).',
    ],
    ['x -- y', 'contains a comment; write the expression alone.'],
    ['x /* y */', 'contains a comment; write the expression alone.'],
    [
      "$$'$$ ; DROP TABLE victim1 ; SELECT $$'$$",
      'contains ";": it must be exactly one expression, not statements.',
    ],
    [
      "E'\\'' ; DROP TABLE victim2 ; SELECT E'\\''",
      'contains ";": it must be exactly one expression, not statements.',
    ],
    [
      "E'\\'' <> 'x') ; COPY (SELECT 1) TO PROGRAM $$id > /tmp/x$$ ; SELECT ('x' <> E'\\''",
      'is not a valid SQL expression: syntax error at or near ")" (character 13).',
    ],
  ])('rejects %j: %s', (sql, sentence) => {
    expect(isSingleExpression(sql)).toBe(sentence);
  });
});
