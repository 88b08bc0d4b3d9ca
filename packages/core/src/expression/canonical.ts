/**
 * One spelling per SQL expression, so that the design's `'new'` and what Postgres'
 * `pg_get_expr` reads back (`'new'::order_status`, `(full_name <> ''::text)`) compare equal.
 *
 * Rules (the printed form is still SQL Postgres runs with the same meaning):
 * - every nested operator expression is parenthesised, the whole is not: `(a >= 0) AND (a < 9)`;
 * - keywords upper case (`AND`, `IS NOT NULL`, `CURRENT_TIMESTAMP`), functions and
 *   unquoted identifiers lower case, `<>` for `!=`, single spaces;
 * - Postgres' `x = ANY (ARRAY[a, b])` reads as `x IN (a, b)` and `<> ALL` as `NOT IN`, a
 *   one-item `IN` as `=`;
 * - casts Postgres adds by itself are dropped: on a string literal to a text type
 *   (text, varchar, char, name) or to a type that is not built in (an enum), on a number
 *   to a numeric type, and any cast of a literal when that cast is the whole expression
 *   (a column default: Postgres writes `'{}'::jsonb` for `'{}'`, `'-1'::integer` for `-1`).
 *   Casts that carry meaning stay: `'1 day'::interval` inside `now() + ...`, `(x)::text`
 *   (unless the context says `x` is a VARCHAR or TEXT column, where Postgres adds it);
 * - `'-1'::integer` is the number -1, `BETWEEN` the two comparisons Postgres stores.
 * - dates: a default `'2020-01-01'::date` is `'2020-01-01'` (the column's type decides), in a
 *   check `'2020-01-01'::date` stays; `'2020-01-01'::timestamp` reads as Postgres stores it,
 *   `'2020-01-01 00:00:00'::timestamp`.
 * - type names in casts are canonical (`varchar(10)`, `timestamptz`, lower case).
 *
 * Text pgsql-ast-parser cannot read falls back to a textual normalisation (whitespace,
 * outer parentheses, lower case outside quotes), so unusual but valid SQL is kept, not rejected.
 *
 * `context.columns` (column name -> canonical type) lets `(name)::text` on a VARCHAR column
 * go; pass it on both sides (design and database) of a comparison.
 */
import type { DataTypeDef, Expr, QName } from 'pgsql-ast-parser';
import { toSql } from 'pgsql-ast-parser';
import { normalizeType } from '../design/type-names';
import { parseExpression } from './parse';

const TEXT_TYPES = new Set([
  'text',
  'varchar',
  'character varying',
  'bpchar',
  'char',
  'character',
  'name',
]);
const NUMBER_TYPES = new Set([
  'numeric',
  'decimal',
  'integer',
  'int',
  'int4',
  'bigint',
  'int8',
  'smallint',
  'int2',
  'real',
  'float4',
  'double precision',
  'float8',
]);
const BUILTIN_TYPE_NAMES = new Set([
  ...TEXT_TYPES,
  ...NUMBER_TYPES,
  'boolean',
  'bool',
  'date',
  'time',
  'timetz',
  'timestamp',
  'timestamptz',
  'time without time zone',
  'time with time zone',
  'timestamp without time zone',
  'timestamp with time zone',
  'interval',
  'uuid',
  'json',
  'jsonb',
  'bytea',
  'inet',
  'cidr',
  'macaddr',
  'regclass',
  'regtype',
  'regproc',
  'oid',
  'money',
  'xml',
  'bit',
  'varbit',
  'tsvector',
  'tsquery',
  'point',
]);

const KEYWORDS = new Set([
  'all',
  'and',
  'any',
  'array',
  'as',
  'asc',
  'both',
  'case',
  'cast',
  'check',
  'collate',
  'column',
  'constraint',
  'create',
  'current_date',
  'current_role',
  'current_time',
  'current_timestamp',
  'current_user',
  'default',
  'desc',
  'distinct',
  'do',
  'else',
  'end',
  'false',
  'for',
  'foreign',
  'from',
  'grant',
  'group',
  'having',
  'in',
  'into',
  'is',
  'leading',
  'limit',
  'localtime',
  'localtimestamp',
  'not',
  'null',
  'offset',
  'on',
  'only',
  'or',
  'order',
  'primary',
  'references',
  'select',
  'session_user',
  'some',
  'table',
  'then',
  'to',
  'trailing',
  'true',
  'union',
  'unique',
  'user',
  'using',
  'when',
  'where',
  'with',
]);

export function quoteIdentifier(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !KEYWORDS.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteString(value: string): string {
  // Postgres reads backslashes literally in standard strings, and pg_get_expr writes E''
  // only when a backslash is present.
  const body = value.replaceAll("'", "''");
  return value.includes('\\') ? `E'${body.replaceAll('\\', '\\\\')}'` : `'${body}'`;
}

function qname(name: QName): string {
  const quoted = (name as { doubleQuoted?: boolean }).doubleQuoted;
  const main = quoted ? `"${name.name.replaceAll('"', '""')}"` : quoteIdentifier(name.name);
  return name.schema ? `${quoteIdentifier(name.schema)}.${main}` : main;
}

function typeText(type: DataTypeDef): string {
  if (type.kind === 'array') return `${typeText(type.arrayOf)}[]`;
  const config = type.config?.length ? `(${type.config.join(',')})` : '';
  const raw = `${type.name}${config}`;
  if (!type.schema && !type.doubleQuoted) {
    const canonical = normalizeType(raw, []);
    if (canonical) return canonical.toLowerCase();
  }
  return `${qname(type)}${config}`;
}

function isStringLiteral(expr: Expr): boolean {
  return expr.type === 'string';
}

function isNumberLiteral(expr: Expr): boolean {
  return (
    expr.type === 'integer' ||
    expr.type === 'numeric' ||
    (expr.type === 'unary' && expr.op === '-' && isNumberLiteral(expr.operand))
  );
}

/** `'-1'::integer` is how Postgres prints the constant -1. */
function quotedNumber(expr: Expr & { type: 'cast' }): string | null {
  if (expr.operand.type !== 'string' || expr.to.kind === 'array') return null;
  return NUMBER_TYPES.has(expr.to.name.toLowerCase()) ? numericString(expr.operand.value) : null;
}

/** `'2000-01-01'::timestamp` is stored as `'2000-01-01 00:00:00'::timestamp without time zone`. */
function dateAsTimestamp(expr: Expr & { type: 'cast' }): string | null {
  if (expr.operand.type !== 'string' || expr.to.kind === 'array') return null;
  const target = expr.to.name.toLowerCase();
  if (target !== 'timestamp' && target !== 'timestamp without time zone') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expr.operand.value) || expr.to.config?.length) return null;
  return `'${expr.operand.value} 00:00:00'::timestamp`;
}

/** A cast Postgres inserts on its own, which says nothing the context does not. */
function isImplicitCast(expr: Expr & { type: 'cast' }, ctx: Context): boolean {
  if (expr.to.kind === 'array') {
    return expr.operand.type === 'array' && expr.operand.expressions.length > 0;
  }
  const target = expr.to.name.toLowerCase();
  if (isStringLiteral(expr.operand)) {
    return TEXT_TYPES.has(target) || !BUILTIN_TYPE_NAMES.has(target) || !!expr.to.schema;
  }
  if (isNumberLiteral(expr.operand)) return NUMBER_TYPES.has(target);
  // `(name)::text` on a VARCHAR column: Postgres adds it to reach text's operators and
  // functions, and varchar to text changes nothing.
  if (
    expr.operand.type === 'ref' &&
    !expr.operand.table &&
    (target === 'text' || target === 'varchar' || target === 'character varying') &&
    !expr.to.config?.length
  ) {
    const type = ctx.columns?.[expr.operand.name];
    return (
      type !== undefined && (type === 'TEXT' || type === 'VARCHAR' || type.startsWith('VARCHAR('))
    );
  }
  return false;
}

function isLiteral(expr: Expr): boolean {
  return (
    isStringLiteral(expr) ||
    isNumberLiteral(expr) ||
    expr.type === 'boolean' ||
    expr.type === 'null' ||
    (expr.type === 'array' && expr.expressions.every(isLiteral))
  );
}

/** `'-1'` back to `-1`: Postgres quotes negative numbers in the defaults it prints. */
function numericString(value: string): string | null {
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(value) ? String(Number(value)) : null;
}

function stripTopLevelCast(expr: Expr): Expr | string {
  let current = expr;
  while (
    current.type === 'cast' &&
    isLiteral(current.operand) &&
    !(current.operand.type === 'array' && current.operand.expressions.length === 0)
  ) {
    const operand = current.operand;
    if (operand.type === 'string' && current.to.kind !== 'array') {
      const target = current.to.name.toLowerCase();
      const number = NUMBER_TYPES.has(target) ? numericString(operand.value) : null;
      if (number !== null) return number;
    }
    current = operand;
  }
  return current;
}

function operand(expr: Expr, ctx: Context): string {
  const text = print(expr, ctx);
  switch (expr.type) {
    case 'binary':
    case 'ternary':
      return `(${text})`;
    case 'unary':
      return expr.op === '-' && isNumberLiteral(expr) ? text : `(${text})`;
    default:
      return text;
  }
}

/** The literal items of `ANY (ARRAY[...])` / `ALL (ARRAY[...])`, casts on the array allowed. */
function anyArrayItems(expr: Expr): { name: string; items: Expr[] } | null {
  if (expr.type !== 'call' || expr.function.schema || expr.args.length !== 1) return null;
  const name = expr.function.name.toLowerCase();
  if (name !== 'any' && name !== 'all') return null;
  let array = expr.args[0]!;
  while (array.type === 'cast') array = array.operand;
  if (array.type !== 'array' || array.expressions.length < 2) return null;
  const literal = (e: Expr): boolean => isLiteral(e) || (e.type === 'cast' && literal(e.operand));
  if (!array.expressions.every(literal)) return null;
  return { name, items: array.expressions };
}

function binary(expr: Expr & { type: 'binary' }, ctx: Context): string {
  const op = expr.op === '!=' ? '<>' : expr.op;
  if (op === 'IN' || op === 'NOT IN') {
    const list = expr.right.type === 'list' ? expr.right.expressions : [expr.right];
    // Postgres turns a one-item IN into a plain comparison.
    if (list.length === 1) {
      return `${operand(expr.left, ctx)} ${op === 'IN' ? '=' : '<>'} ${operand(list[0]!, ctx)}`;
    }
    const items = list.map((e) => print(e, ctx)).join(', ');
    return `${operand(expr.left, ctx)} ${op} (${items})`;
  }
  // Postgres stores `x IN (a, b)` as `x = ANY (ARRAY[a, b])`; the IN form is the one that
  // still runs once the casts are gone (an enum = ANY (ARRAY['a']) has no operator).
  const list = anyArrayItems(expr.right);
  if (list && (op === '=' || op === '<>')) {
    const wanted = op === '=' ? 'any' : 'all';
    if (list.name === wanted) {
      const items = list.items.map((e) => print(e, ctx)).join(', ');
      return `${operand(expr.left, ctx)} ${op === '=' ? 'IN' : 'NOT IN'} (${items})`;
    }
  }
  return `${operand(expr.left, ctx)} ${op} ${operand(expr.right, ctx)}`;
}

function call(expr: Expr & { type: 'call' }, ctx: Context): string {
  const name = expr.function.name.toLowerCase();
  if (!expr.function.schema && (name === 'any' || name === 'all' || name === 'some')) {
    return `${name === 'some' ? 'ANY' : name.toUpperCase()} (${expr.args.map((e) => print(e, ctx)).join(', ')})`;
  }
  if (expr.distinct || expr.orderBy || expr.filter || expr.withinGroup || expr.over) {
    return fallback(expr);
  }
  const fn = expr.function.schema
    ? `${quoteIdentifier(expr.function.schema)}.${quoteIdentifier(name)}`
    : name === 'current_timestamp' || name === 'localtimestamp' || name === 'current_time'
      ? name.toUpperCase()
      : quoteIdentifier(name);
  return `${fn}(${expr.args.map((e) => print(e, ctx)).join(', ')})`;
}

function fallback(expr: Expr): string {
  return normalizeText(toSql.expr(expr));
}

function print(expr: Expr, ctx: Context): string {
  switch (expr.type) {
    case 'integer':
    case 'numeric':
      return String(expr.value);
    case 'string':
      return quoteString(expr.value);
    case 'boolean':
      return expr.value ? 'true' : 'false';
    case 'null':
      return 'NULL';
    case 'keyword':
      return expr.keyword.toUpperCase();
    case 'ref': {
      const name = expr.name === '*' ? '*' : quoteIdentifier(expr.name);
      return expr.table ? `${qname(expr.table)}.${name}` : name;
    }
    case 'parameter':
      return expr.name;
    case 'binary':
      return binary(expr, ctx);
    case 'unary': {
      if (expr.op === '-' || expr.op === '+') return `${expr.op}${operand(expr.operand, ctx)}`;
      if (expr.op === 'NOT') return `NOT ${operand(expr.operand, ctx)}`;
      return `${operand(expr.operand, ctx)} ${expr.op}`;
    }
    case 'ternary': {
      // Postgres stores BETWEEN as the two comparisons.
      const value = operand(expr.value, ctx);
      return expr.op === 'BETWEEN'
        ? `(${value} >= ${operand(expr.lo, ctx)}) AND (${value} <= ${operand(expr.hi, ctx)})`
        : `(${value} < ${operand(expr.lo, ctx)}) OR (${value} > ${operand(expr.hi, ctx)})`;
    }
    case 'cast': {
      if (isImplicitCast(expr, ctx)) return print(expr.operand, ctx);
      const number = quotedNumber(expr);
      if (number !== null) return number;
      const timestamp = dateAsTimestamp(expr);
      if (timestamp !== null) return timestamp;
      const inner = expr.operand;
      const text =
        inner.type === 'ref' || isLiteral(inner) || inner.type === 'call'
          ? print(inner, ctx)
          : `(${print(inner, ctx)})`;
      return `${text}::${typeText(expr.to)}`;
    }
    case 'call':
      return call(expr, ctx);
    case 'list':
      return `(${expr.expressions.map((e) => print(e, ctx)).join(', ')})`;
    case 'array':
      return `ARRAY[${expr.expressions.map((e) => print(e, ctx)).join(', ')}]`;
    case 'case': {
      const parts = ['CASE'];
      if (expr.value) parts.push(print(expr.value, ctx));
      for (const when of expr.whens)
        parts.push(`WHEN ${print(when.when, ctx)} THEN ${print(when.value, ctx)}`);
      if (expr.else) parts.push(`ELSE ${print(expr.else, ctx)}`);
      parts.push('END');
      return parts.join(' ');
    }
    case 'member':
      return `${operand(expr.operand, ctx)} ${expr.op} ${typeof expr.member === 'number' ? expr.member : quoteString(expr.member)}`;
    case 'arrayIndex':
      return `${operand(expr.array, ctx)}[${print(expr.index, ctx)}]`;
    case 'extract':
      return `EXTRACT(${expr.field.name.toUpperCase()} FROM ${print(expr.from, ctx)})`;
    default:
      return fallback(expr);
  }
}

function stripOuterParentheses(text: string): string {
  let result = text.trim();
  while (result.startsWith('(') && result.endsWith(')') && closesAtEnd(result)) {
    result = result.slice(1, -1).trim();
  }
  return result;
}

/** Whether the `(` at 0 is closed by the last character (quotes respected). */
function closesAtEnd(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "'" || char === '"') {
      const end = text.indexOf(char, i + 1);
      if (end < 0) return false;
      i = end;
    } else if (char === '(') depth++;
    else if (char === ')') {
      depth--;
      if (depth === 0) return i === text.length - 1;
    }
  }
  return false;
}

/** Whitespace collapsed and lower case outside quotes, outer parentheses dropped. */
function normalizeText(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i]!;
    if (char === "'" || char === '"') {
      const end = sql.indexOf(char, i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (/\s/.test(char)) {
      if (!out.endsWith(' ')) out += ' ';
    } else out += char.toLowerCase();
  }
  return stripOuterParentheses(out.replace(/\( /g, '(').replace(/ \)/g, ')').trim());
}

export interface ExpressionContext {
  /** The table's columns by name, with their canonical types: lets `(name)::text` on a VARCHAR column go. */
  columns?: Readonly<Record<string, string>>;
}

type Context = ExpressionContext;

/** The canonical spelling of one SQL expression (see the rules at the top of this file). */
export function canonicalExpression(sql: string, context: ExpressionContext = {}): string {
  const ctx = context;
  const parsed = parseExpression(sql);
  if (!parsed.ok) return normalizeText(sql);
  const top = stripTopLevelCast(parsed.expr);
  return typeof top === 'string' ? top : print(top, ctx);
}

/** The column names an expression mentions (Postgres names a one-column check `<table>_<column>_check`). */
export function expressionColumns(sql: string): string[] {
  const parsed = parseExpression(sql);
  if (!parsed.ok) return [];
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as { type?: unknown; name?: unknown; function?: unknown };
    if (record.type === 'ref' && typeof record.name === 'string' && record.name !== '*') {
      names.add(record.name);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'function' && key !== 'to') visit(value);
    }
  };
  visit(parsed.expr);
  return [...names];
}
