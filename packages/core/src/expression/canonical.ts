/**
 * One spelling per SQL expression, so that the design's `'new'` and what Postgres'
 * `pg_get_expr` reads back (`'new'::order_status`, `(full_name <> ''::text)`) compare equal.
 * The expression is read by Postgres' own parser and printed from its tree
 * (canonical-print.ts).
 *
 * Rules (the printed form is still SQL Postgres runs with the same meaning):
 * - every nested operator expression is parenthesised, the whole is not: `(a >= 0) AND (a < 9)`;
 *   a chain `a AND b AND c` groups from the left: `((a) AND (b)) AND (c)`;
 * - keywords upper case (`AND`, `IS NOT NULL`, `CURRENT_TIMESTAMP`, `AT TIME ZONE`,
 *   `IS DISTINCT FROM`, `COLLATE`), functions and unquoted identifiers lower case, `<>` for
 *   `!=`, `LIKE` for `~~`, single spaces;
 * - Postgres' `x = ANY (ARRAY[a, b])` reads as `x IN (a, b)` and `<> ALL` as `NOT IN`, a
 *   one-item `IN` as `=`;
 * - casts Postgres adds by itself are dropped: on a string literal to a text type
 *   (text, varchar, char, name) or to a type that is not built in (an enum), on a number
 *   to a numeric type, and any cast of a literal when that cast is the whole expression
 *   (a column default: Postgres writes `'{}'::jsonb` for `'{}'`, `'-1'::integer` for `-1`).
 *   Casts that carry meaning stay: `'1 day'::interval` inside `now() + ...` (also written
 *   `interval '1 day'`), `(x)::text` (unless the context says `x` is a VARCHAR or TEXT
 *   column, where Postgres adds it);
 * - `'-1'::integer` is the number -1, `BETWEEN` the two comparisons Postgres stores.
 * - dates: a default `'2020-01-01'::date` is `'2020-01-01'` (the column's type decides), in a
 *   check `'2020-01-01'::date` stays; `'2020-01-01'::timestamp` reads as Postgres stores it,
 *   `'2020-01-01 00:00:00'::timestamp`.
 * - type names in casts are canonical (`varchar(10)`, `timestamptz`, lower case);
 * - a default that could not follow `DEFAULT` as it is (`x IS NULL`, `a AND b`,
 *   `now() AT TIME ZONE 'utc'`) keeps one pair of parentheses around the whole;
 * - strings are `'...'` with `''` for a quote, `E'...'` when they hold a backslash, whatever
 *   way the design wrote them (`$$...$$`, `E'\''`).
 *
 * Constructs without a rule here are printed by pgsql-deparser. A text that is not one
 * expression (validation refuses it) keeps its own spelling, trimmed.
 *
 * `context.columns` (column name -> canonical type) lets `(name)::text` on a VARCHAR column
 * go; pass it on both sides (design and database) of a comparison.
 */
import type { Node } from 'libpg-query';
import { BoundedCache } from './bounded-cache';
import {
  type ExpressionContext,
  print,
  standsAfterDefault,
  stripTopLevelCast,
} from './canonical-print';
import { parseExpression } from './parse';

export type { ExpressionContext } from './canonical-print';
export { quoteIdentifier, quoteQualifiedIdentifier } from './sql-quote';

const canonical = new BoundedCache<string, string>(50_000);
const columnsOf = new BoundedCache<string, string[]>(20_000);

/** The canonical spelling of one SQL expression (see the rules at the top of this file). */
export function canonicalExpression(sql: string, context: ExpressionContext = {}): string {
  const parsed = parseExpression(sql);
  if (!parsed.ok) return sql.trim();
  // Only the types of the columns the expression names can change its spelling.
  const types = context.columns
    ? expressionColumns(sql).map((name) => `${name}:${context.columns?.[name] ?? ''}`)
    : [];
  const key = `${context.role ?? ''}\u0000${sql}\u0000${types.join('\u0000')}`;
  let text = canonical.get(key);
  if (text === undefined) {
    const top = stripTopLevelCast(parsed.node);
    if (typeof top === 'string') text = top;
    else {
      text = print(top, context);
      if (context.role === 'default' && !standsAfterDefault(top)) text = `(${text})`;
    }
    canonical.set(key, text);
  }
  return text;
}

function visit(node: unknown, each: (kind: string, body: Record<string, unknown>) => void): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value)) {
      if (/^[A-Z]/.test(key) && child !== null && typeof child === 'object') {
        each(key, child as Record<string, unknown>);
      }
      stack.push(child);
    }
  }
}

function stringValue(node: Node): string {
  return 'String' in node ? (node.String.sval ?? '') : '';
}

/** The column names an expression mentions (Postgres names a one-column check `<table>_<column>_check`). */
export function expressionColumns(sql: string): string[] {
  let names = columnsOf.get(sql);
  if (names !== undefined) return names;
  const parsed = parseExpression(sql);
  const found = new Set<string>();
  if (parsed.ok) {
    visit(parsed.node, (kind, body) => {
      if (kind !== 'ColumnRef') return;
      const fields = (body.fields ?? []) as Node[];
      const last = fields[fields.length - 1];
      if (last && 'String' in last) found.add(stringValue(last));
    });
  }
  names = [...found];
  columnsOf.set(sql, names);
  return names;
}

/** What an expression runs: the functions it calls and the operators it applies, by name. */
export interface ExpressionRoutines {
  /** `name` or `schema.name`, as Postgres would look them up. */
  functions: string[];
  operators: string[];
}

/** The functions and operators an expression calls; null when it is not one expression. */
export function expressionRoutines(sql: string): ExpressionRoutines | null {
  const parsed = parseExpression(sql);
  if (!parsed.ok) return null;
  const functions = new Set<string>();
  const operators = new Set<string>();
  visit(parsed.node, (kind, body) => {
    if (kind === 'FuncCall') {
      functions.add(((body.funcname ?? []) as Node[]).map(stringValue).join('.'));
    } else if (kind === 'A_Expr') {
      const name = ((body.name ?? []) as Node[]).map(stringValue);
      const op = name[name.length - 1] ?? '';
      if (body.kind === 'AEXPR_BETWEEN' || body.kind === 'AEXPR_NOT_BETWEEN') {
        for (const o of ['>=', '<=', '<', '>']) operators.add(o);
      } else if (body.kind === 'AEXPR_BETWEEN_SYM' || body.kind === 'AEXPR_NOT_BETWEEN_SYM') {
        for (const o of ['>=', '<=', '<', '>']) operators.add(o);
      } else {
        operators.add(op);
      }
    } else if (kind === 'CoalesceExpr' || kind === 'MinMaxExpr' || kind === 'CaseExpr') {
      // Comparisons inside GREATEST/LEAST and simple CASE use the type's operators.
      if (kind !== 'CoalesceExpr') operators.add(kind === 'CaseExpr' ? '=' : '>');
    }
  });
  return { functions: [...functions], operators: [...operators] };
}
