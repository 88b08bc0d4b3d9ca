/**
 * Prints a Postgres expression tree in Retort's canonical spelling (the rules are listed at
 * the top of canonical.ts). Every node kind Retort knows is printed here; any other kind is
 * printed by pgsql-deparser (and parenthesised where it is an operand).
 */
import type { A_Const, A_Expr, FuncCall, Node, TypeCast, TypeName } from 'libpg-query';
import { Deparser } from 'pgsql-deparser';
import { normalizeType } from '../design/type-names';
import { quoteIdentifier, quoteString } from './sql-quote';

export interface ExpressionContext {
  /** The table's columns by name, with their canonical types: lets `(name)::text` on a VARCHAR column go. */
  columns?: Readonly<Record<string, string>>;
  /**
   * `default`: the expression follows `DEFAULT` in DDL, where Postgres reads only simple
   * expressions (no AND, IS NULL, IN, LIKE, AT TIME ZONE, ...); such a whole is parenthesised.
   */
  role?: 'default';
}

type Context = ExpressionContext;

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

const LIKE_OPERATORS: Record<string, string> = {
  '~~': 'LIKE',
  '!~~': 'NOT LIKE',
  '~~*': 'ILIKE',
  '!~~*': 'NOT ILIKE',
};

/** Functions Postgres writes as keywords, without parentheses. */
const KEYWORD_FUNCTIONS = new Set([
  'current_user',
  'current_role',
  'session_user',
  'user',
  'system_user',
  'current_catalog',
  'current_schema',
]);

function stringValue(node: Node | undefined): string {
  return node && 'String' in node ? (node.String.sval ?? '') : '';
}

/** Names of a qualified name list, without the `pg_catalog.` Postgres adds to SQL syntax. */
function names(list: Node[] | undefined): string[] {
  const all = (list ?? []).map(stringValue);
  return all.length > 1 && all[0] === 'pg_catalog' ? all.slice(1) : all;
}

function constant(node: Node | undefined): A_Const | null {
  return node && 'A_Const' in node ? node.A_Const : null;
}

function isString(node: Node | undefined): boolean {
  return constant(node)?.sval !== undefined;
}

function isNumber(node: Node | undefined): boolean {
  const c = constant(node);
  return c !== null && (c.ival !== undefined || c.fval !== undefined);
}

function isNegativeNumber(node: Node | undefined): boolean {
  const c = constant(node);
  if (!c) return false;
  return (c.ival?.ival ?? 0) < 0 || (c.fval?.fval ?? '').startsWith('-');
}

function isLiteral(node: Node | undefined): boolean {
  if (!node) return false;
  if ('A_Const' in node) return true;
  if ('A_ArrayExpr' in node) return (node.A_ArrayExpr.elements ?? []).every(isLiteral);
  return false;
}

/** A number as JavaScript spells it (`1.50` is `1.5`), unless that would lose digits. */
function numberText(text: string): string {
  const digits = text
    .replace(/^[-+]/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '');
  return digits.length <= 15 ? String(Number(text)) : text;
}

/** `'-1'` back to `-1`: Postgres quotes negative numbers in the defaults it prints. */
function numericString(value: string): string | null {
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(value) ? numberText(value) : null;
}

function printConstant(c: A_Const): string {
  if (c.isnull) return 'NULL';
  if (c.sval !== undefined) return quoteString(c.sval.sval ?? '');
  if (c.ival !== undefined) return String(c.ival.ival ?? 0);
  if (c.fval !== undefined) return numberText(c.fval.fval ?? '0');
  if (c.boolval !== undefined) return c.boolval.boolval ? 'true' : 'false';
  const bits = c.bsval?.bsval ?? 'b';
  return `${bits[0]!.toUpperCase()}'${bits.slice(1)}'`;
}

interface TypeInfo {
  /** The type's own name, lower case, as Postgres names it internally (`int4`, `varchar`). */
  name: string;
  /** Whether it is named in a schema other than pg_catalog. */
  schema: boolean;
  modifiers: number[] | null;
  array: boolean;
  /** The canonical spelling, or null when only pgsql-deparser can print it. */
  text: string | null;
}

function typeInfo(type: TypeName | undefined): TypeInfo {
  const parts = names(type?.names);
  const name = (parts[parts.length - 1] ?? '').toLowerCase();
  const schema = parts.length > 1;
  const modifiers: number[] = [];
  let printable = !type?.setof && !type?.pct_type;
  for (const modifier of type?.typmods ?? []) {
    const c = constant(modifier);
    if (c?.ival === undefined) printable = false;
    else modifiers.push(c.ival.ival ?? 0);
  }
  if (name === 'interval' && modifiers.length > 0) printable = false;
  const bounds = type?.arrayBounds?.length ?? 0;
  const config = modifiers.length > 0 ? `(${modifiers.join(',')})` : '';
  let text: string | null = null;
  if (printable) {
    const canonical = schema ? null : normalizeType(`${parts[0]}${config}`, []);
    text = `${canonical ? canonical.toLowerCase() : parts.map(quoteIdentifier).join('.') + config}${'[]'.repeat(bounds)}`;
  }
  return {
    name,
    schema,
    modifiers: modifiers.length > 0 ? modifiers : null,
    array: bounds > 0,
    text,
  };
}

/** `'-1'::integer` is how Postgres prints the constant -1. */
function quotedNumber(cast: TypeCast, type: TypeInfo): string | null {
  if (!isString(cast.arg) || type.array || !NUMBER_TYPES.has(type.name)) return null;
  return numericString(constant(cast.arg)!.sval!.sval ?? '');
}

/** `'2000-01-01'::timestamp` is stored as `'2000-01-01 00:00:00'::timestamp without time zone`. */
function dateAsTimestamp(cast: TypeCast, type: TypeInfo): string | null {
  if (!isString(cast.arg) || type.array || type.name !== 'timestamp' || type.modifiers) {
    return null;
  }
  const value = constant(cast.arg)!.sval!.sval ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `'${value} 00:00:00'::timestamp` : null;
}

/** A cast Postgres inserts on its own, which says nothing the context does not. */
function isImplicitCast(cast: TypeCast, type: TypeInfo, ctx: Context): boolean {
  const arg = cast.arg;
  if (type.array) {
    return !!arg && 'A_ArrayExpr' in arg && (arg.A_ArrayExpr.elements ?? []).length > 0;
  }
  if (isString(arg))
    return TEXT_TYPES.has(type.name) || !BUILTIN_TYPE_NAMES.has(type.name) || type.schema;
  if (isNumber(arg)) return NUMBER_TYPES.has(type.name);
  // `(name)::text` on a VARCHAR column: Postgres adds it to reach text's operators and
  // functions, and varchar to text changes nothing.
  if (
    arg &&
    'ColumnRef' in arg &&
    !type.modifiers &&
    (type.name === 'text' || type.name === 'varchar')
  ) {
    const fields = arg.ColumnRef.fields ?? [];
    if (fields.length !== 1) return false;
    const column = ctx.columns?.[stringValue(fields[0])];
    return (
      column !== undefined &&
      (column === 'TEXT' || column === 'VARCHAR' || column.startsWith('VARCHAR('))
    );
  }
  return false;
}

/** The expression without the casts Postgres adds to a whole default's literal, or its final text. */
export function stripTopLevelCast(node: Node): Node | string {
  let current = node;
  while ('TypeCast' in current) {
    const cast = current.TypeCast;
    const arg = cast.arg;
    if (!arg || !isLiteral(arg)) break;
    if ('A_ArrayExpr' in arg && (arg.A_ArrayExpr.elements ?? []).length === 0) break;
    const number = quotedNumber(cast, typeInfo(cast.typeName));
    if (number !== null) return number;
    current = arg;
  }
  return current;
}

/**
 * Whether the printed node may follow `DEFAULT` as it is: Postgres' grammar takes only a
 * `b_expr` there (operators, casts, calls), not AND/OR/NOT, IS ..., IN, LIKE, BETWEEN, ...
 */
export function standsAfterDefault(node: Node): boolean {
  if ('A_Expr' in node) {
    const { kind, name, rexpr } = node.A_Expr;
    if (kind === 'AEXPR_DISTINCT' || kind === 'AEXPR_NULLIF') {
      return true;
    }
    if (kind !== 'AEXPR_OP') return false;
    const op = (name ?? []).map(stringValue);
    return op.length === 1 && !(op[0]! in LIKE_OPERATORS) && !similarPattern(rexpr);
  }
  return !needsParentheses(node) && !('FuncCall' in node && isFallbackCall(node.FuncCall));
}

function isFallbackCall(call: FuncCall): boolean {
  return !!(
    call.agg_star ||
    call.agg_distinct ||
    call.agg_order ||
    call.agg_filter ||
    call.over ||
    call.agg_within_group ||
    call.func_variadic
  );
}

/** Whether a node prints as something that needs parentheses to be an operand. */
function needsParentheses(node: Node): boolean {
  if ('A_Const' in node) return false;
  if (
    'ColumnRef' in node ||
    'TypeCast' in node ||
    'A_ArrayExpr' in node ||
    'CaseExpr' in node ||
    'CoalesceExpr' in node ||
    'MinMaxExpr' in node ||
    'SQLValueFunction' in node ||
    'A_Indirection' in node ||
    'ParamRef' in node ||
    'RowExpr' in node
  ) {
    return false;
  }
  if ('FuncCall' in node) return isCallSyntax(node.FuncCall);
  if ('A_Expr' in node) return node.A_Expr.kind !== 'AEXPR_NULLIF';
  return true;
}

function operand(node: Node | undefined, ctx: Context): string {
  if (!node) return '';
  const text = print(node, ctx);
  return needsParentheses(node) ? `(${text})` : text;
}

/** Items of `ANY (ARRAY[...])` / `ALL (ARRAY[...])` when they are literals (casts allowed). */
function arrayItems(node: Node | undefined): Node[] | null {
  let array = node;
  while (array && 'TypeCast' in array) array = array.TypeCast.arg;
  if (!array || !('A_ArrayExpr' in array)) return null;
  const items = array.A_ArrayExpr.elements ?? [];
  const literal = (n: Node | undefined): boolean =>
    isLiteral(n) || (!!n && 'TypeCast' in n && literal(n.TypeCast.arg));
  return items.length >= 2 && items.every(literal) ? items : null;
}

function list(node: Node | undefined): Node[] {
  return node && 'List' in node ? (node.List.items ?? []) : node ? [node] : [];
}

/** `x SIMILAR TO p` is stored as `x ~ similar_to_escape(p)`. */
function similarPattern(node: Node | undefined): Node | null {
  if (!node || !('FuncCall' in node)) return null;
  const call = node.FuncCall;
  const name = names(call.funcname);
  return name.length === 1 && name[0] === 'similar_to_escape' && call.args?.length === 1
    ? call.args[0]!
    : null;
}

function printOperatorExpression(e: A_Expr, node: Node, ctx: Context): string {
  const name = (e.name ?? []).map(stringValue);
  if (name.length !== 1) return fallback(node);
  const op = name[0] === '!=' ? '<>' : name[0]!;
  const left = () => operand(e.lexpr, ctx);
  switch (e.kind) {
    case 'AEXPR_OP': {
      if (!e.lexpr) {
        const text = operand(e.rexpr, ctx);
        // `- -1` must not print as `--1`, which Postgres reads as a comment.
        return /^[-+*/<>=~!@#%^&|`?]/.test(text) ? `${op}(${text})` : `${op}${text}`;
      }
      const similar = similarPattern(e.rexpr);
      if (similar && (op === '~' || op === '!~')) {
        return `${left()} ${op === '~' ? 'SIMILAR TO' : 'NOT SIMILAR TO'} ${operand(similar, ctx)}`;
      }
      return `${left()} ${LIKE_OPERATORS[op] ?? op} ${operand(e.rexpr, ctx)}`;
    }
    case 'AEXPR_LIKE':
    case 'AEXPR_ILIKE':
      return `${left()} ${LIKE_OPERATORS[op] ?? op} ${operand(e.rexpr, ctx)}`;
    case 'AEXPR_SIMILAR': {
      const pattern = similarPattern(e.rexpr);
      if (!pattern) return fallback(node);
      return `${left()} ${op === '~' ? 'SIMILAR TO' : 'NOT SIMILAR TO'} ${operand(pattern, ctx)}`;
    }
    case 'AEXPR_OP_ANY':
    case 'AEXPR_OP_ALL': {
      const any = e.kind === 'AEXPR_OP_ANY';
      // Postgres stores `x IN (a, b)` as `x = ANY (ARRAY[a, b])`; the IN form is the one
      // that still runs once the casts are gone (an enum = ANY (ARRAY['a']) has no operator).
      const items = arrayItems(e.rexpr);
      if (items && ((op === '=' && any) || (op === '<>' && !any))) {
        const text = items.map((item) => print(item, ctx)).join(', ');
        return `${left()} ${any ? 'IN' : 'NOT IN'} (${text})`;
      }
      return `${left()} ${op} ${any ? 'ANY' : 'ALL'} (${print(e.rexpr!, ctx)})`;
    }
    case 'AEXPR_DISTINCT':
      return `${left()} IS DISTINCT FROM ${operand(e.rexpr, ctx)}`;
    case 'AEXPR_NOT_DISTINCT':
      // Postgres stores it as the negation.
      return `NOT (${left()} IS DISTINCT FROM ${operand(e.rexpr, ctx)})`;
    case 'AEXPR_NULLIF':
      return `nullif(${print(e.lexpr!, ctx)}, ${print(e.rexpr!, ctx)})`;
    case 'AEXPR_IN': {
      const items = list(e.rexpr);
      // Postgres turns a one-item IN into a plain comparison.
      if (items.length === 1) return `${left()} ${op} ${operand(items[0], ctx)}`;
      const text = items.map((item) => print(item, ctx)).join(', ');
      return `${left()} ${op === '=' ? 'IN' : 'NOT IN'} (${text})`;
    }
    case 'AEXPR_BETWEEN':
    case 'AEXPR_NOT_BETWEEN': {
      // Postgres stores BETWEEN as the two comparisons.
      const [lo, hi] = list(e.rexpr);
      const value = left();
      return e.kind === 'AEXPR_BETWEEN'
        ? `(${value} >= ${operand(lo, ctx)}) AND (${value} <= ${operand(hi, ctx)})`
        : `(${value} < ${operand(lo, ctx)}) OR (${value} > ${operand(hi, ctx)})`;
    }
    default:
      return fallback(node);
  }
}

/** Whether Postgres spells this call with SQL syntax (`x AT TIME ZONE z`), not `f(...)`. */
function isCallSyntax(call: FuncCall): boolean {
  if (call.funcformat !== 'COERCE_SQL_SYNTAX') return false;
  const name = names(call.funcname).join('.');
  return name !== 'extract' && !KEYWORD_FUNCTIONS.has(name);
}

function printCall(call: FuncCall, node: Node, ctx: Context): string {
  const name = names(call.funcname);
  const args = call.args ?? [];
  if (isFallbackCall(call)) return fallback(node);
  if (call.funcformat === 'COERCE_SQL_SYNTAX' && name.length === 1) {
    const fn = name[0]!;
    if (fn === 'timezone' && args.length === 2) {
      return `${operand(args[1], ctx)} AT TIME ZONE ${operand(args[0], ctx)}`;
    }
    if (fn === 'timezone' && args.length === 1) return `${operand(args[0], ctx)} AT LOCAL`;
    if (fn === 'extract' && args.length === 2 && isString(args[0])) {
      const field = (constant(args[0])!.sval!.sval ?? '').toUpperCase();
      return `EXTRACT(${field} FROM ${print(args[1]!, ctx)})`;
    }
    if (KEYWORD_FUNCTIONS.has(fn) && args.length === 0) return fn.toUpperCase();
    return fallback(node);
  }
  const fn = name.map(quoteIdentifier).join('.');
  return `${fn}(${args.map((arg) => print(arg, ctx)).join(', ')})`;
}

function printCast(cast: TypeCast, node: Node, ctx: Context): string {
  const type = typeInfo(cast.typeName);
  if (type.text === null || !cast.arg) return fallback(node);
  if (isImplicitCast(cast, type, ctx)) return print(cast.arg, ctx);
  const number = quotedNumber(cast, type);
  if (number !== null) return number;
  const timestamp = dateAsTimestamp(cast, type);
  if (timestamp !== null) return timestamp;
  const inner = cast.arg;
  const bare =
    ('ColumnRef' in inner ||
      ('FuncCall' in inner && !isCallSyntax(inner.FuncCall)) ||
      isLiteral(inner)) &&
    !isNegativeNumber(inner);
  const text = bare ? print(inner, ctx) : `(${print(inner, ctx)})`;
  return `${text}::${type.text}`;
}

function printBool(args: Node[], op: 'AND' | 'OR', ctx: Context): string {
  // Left to right, each step parenthesised: `(a AND b) AND c`, as Postgres groups them.
  let text = operand(args[0], ctx);
  for (let i = 1; i < args.length; i++) {
    text = `${i > 1 ? `(${text})` : text} ${op} ${operand(args[i], ctx)}`;
  }
  return text;
}

const BOOLEAN_TESTS: Record<string, string> = {
  IS_TRUE: 'IS TRUE',
  IS_NOT_TRUE: 'IS NOT TRUE',
  IS_FALSE: 'IS FALSE',
  IS_NOT_FALSE: 'IS NOT FALSE',
  IS_UNKNOWN: 'IS UNKNOWN',
  IS_NOT_UNKNOWN: 'IS NOT UNKNOWN',
};

const VALUE_FUNCTIONS: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'CURRENT_DATE',
  SVFOP_CURRENT_TIME: 'CURRENT_TIME',
  SVFOP_CURRENT_TIME_N: 'CURRENT_TIME',
  SVFOP_CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP',
  SVFOP_CURRENT_TIMESTAMP_N: 'CURRENT_TIMESTAMP',
  SVFOP_LOCALTIME: 'LOCALTIME',
  SVFOP_LOCALTIME_N: 'LOCALTIME',
  SVFOP_LOCALTIMESTAMP: 'LOCALTIMESTAMP',
  SVFOP_LOCALTIMESTAMP_N: 'LOCALTIMESTAMP',
  SVFOP_CURRENT_ROLE: 'CURRENT_ROLE',
  SVFOP_CURRENT_USER: 'CURRENT_USER',
  SVFOP_USER: 'USER',
  SVFOP_SESSION_USER: 'SESSION_USER',
  SVFOP_CURRENT_CATALOG: 'CURRENT_CATALOG',
  SVFOP_CURRENT_SCHEMA: 'CURRENT_SCHEMA',
};

function printIndirection(arg: Node, steps: Node[], ctx: Context): string {
  let text = 'ColumnRef' in arg || 'FuncCall' in arg ? print(arg, ctx) : `(${print(arg, ctx)})`;
  for (const step of steps) {
    if ('A_Indices' in step) {
      const { lidx, uidx, is_slice } = step.A_Indices;
      const upper = uidx ? print(uidx, ctx) : '';
      text += is_slice ? `[${lidx ? print(lidx, ctx) : ''}:${upper}]` : `[${upper}]`;
    } else {
      const field = 'A_Star' in step ? '*' : quoteIdentifier(stringValue(step));
      text = `(${text}).${field}`;
    }
  }
  return text;
}

export function print(node: Node, ctx: Context): string {
  if ('A_Const' in node) return printConstant(node.A_Const);
  if ('ColumnRef' in node) {
    return (node.ColumnRef.fields ?? [])
      .map((f) => ('A_Star' in f ? '*' : quoteIdentifier(stringValue(f))))
      .join('.');
  }
  if ('ParamRef' in node) return `$${node.ParamRef.number ?? 0}`;
  if ('A_Expr' in node) return printOperatorExpression(node.A_Expr, node, ctx);
  if ('BoolExpr' in node) {
    const { boolop, args = [] } = node.BoolExpr;
    if (boolop === 'NOT_EXPR') return `NOT ${operand(args[0], ctx)}`;
    return printBool(args, boolop === 'AND_EXPR' ? 'AND' : 'OR', ctx);
  }
  if ('NullTest' in node) {
    const { arg, nulltesttype } = node.NullTest;
    return `${operand(arg, ctx)} ${nulltesttype === 'IS_NOT_NULL' ? 'IS NOT NULL' : 'IS NULL'}`;
  }
  if ('BooleanTest' in node) {
    const { arg, booltesttype } = node.BooleanTest;
    return `${operand(arg, ctx)} ${BOOLEAN_TESTS[booltesttype ?? 'IS_TRUE']}`;
  }
  if ('TypeCast' in node) return printCast(node.TypeCast, node, ctx);
  if ('FuncCall' in node) return printCall(node.FuncCall, node, ctx);
  if ('SQLValueFunction' in node) {
    const { op, typmod } = node.SQLValueFunction;
    const keyword = VALUE_FUNCTIONS[op ?? ''] ?? fallback(node);
    return op?.endsWith('_N') && typmod !== undefined ? `${keyword}(${typmod})` : keyword;
  }
  if ('CaseExpr' in node) {
    const { arg, args = [], defresult } = node.CaseExpr;
    const parts = ['CASE'];
    if (arg) parts.push(print(arg, ctx));
    for (const when of args) {
      if (!('CaseWhen' in when)) return fallback(node);
      parts.push(
        `WHEN ${print(when.CaseWhen.expr!, ctx)} THEN ${print(when.CaseWhen.result!, ctx)}`,
      );
    }
    if (defresult) parts.push(`ELSE ${print(defresult, ctx)}`);
    parts.push('END');
    return parts.join(' ');
  }
  if ('A_ArrayExpr' in node) {
    return `ARRAY[${(node.A_ArrayExpr.elements ?? []).map((e) => print(e, ctx)).join(', ')}]`;
  }
  if ('CoalesceExpr' in node) {
    return `coalesce(${(node.CoalesceExpr.args ?? []).map((e) => print(e, ctx)).join(', ')})`;
  }
  if ('MinMaxExpr' in node) {
    const fn = node.MinMaxExpr.op === 'IS_LEAST' ? 'least' : 'greatest';
    return `${fn}(${(node.MinMaxExpr.args ?? []).map((e) => print(e, ctx)).join(', ')})`;
  }
  if ('CollateClause' in node) {
    const { arg, collname } = node.CollateClause;
    const collation = (collname ?? []).map((n) => quoteIdentifier(stringValue(n))).join('.');
    return `${operand(arg, ctx)} COLLATE ${collation}`;
  }
  if ('A_Indirection' in node) {
    const { arg, indirection = [] } = node.A_Indirection;
    return arg ? printIndirection(arg, indirection, ctx) : fallback(node);
  }
  if ('RowExpr' in node) {
    return `ROW(${(node.RowExpr.args ?? []).map((e) => print(e, ctx)).join(', ')})`;
  }
  return fallback(node);
}

/** pgsql-deparser's spelling, for constructs Retort has no rule for. */
function fallback(node: Node): string {
  return Deparser.deparse(node);
}
