/**
 * Reading one SQL expression (a column default or a check) with Postgres' own parser, and
 * saying in one sentence why a text is not exactly one expression.
 *
 * The text is parsed as `SELECT <text>`: it is one expression when that is exactly one
 * statement, a plain SELECT of one unnamed target and nothing else (no FROM, no second
 * target, no UNION, no `;`). Whatever Postgres does not parse is refused; nothing is
 * accepted on trust. The work is bounded: a length limit keeps parsing short (it runs on
 * the server's one thread), a depth limit keeps every walk of the tree off the stack's end.
 */
import type { Node } from 'libpg-query';
import { BoundedCache } from './bounded-cache';
import { parseStatements, SqlSyntaxError, scanTokens } from './postgres-parser';

/** Longest expression read, in characters: parsing this much takes a few milliseconds. */
export const MAX_EXPRESSION_LENGTH = 8192;
/** Deepest nesting of expressions inside one another (calls, operators, CASE, ...). */
export const MAX_EXPRESSION_DEPTH = 100;

const PREFIX = 'SELECT ';

export type ParsedExpression = { ok: true; node: Node } | { ok: false; problem: string };

const parsed = new BoundedCache<string, ParsedExpression>(20_000);

/** The expression's tree, or why `sql` is not exactly one expression (the end of a sentence). */
export function parseExpression(sql: string): ParsedExpression {
  let result = parsed.get(sql);
  if (result === undefined) {
    result = read(sql);
    parsed.set(sql, result);
  }
  return result;
}

/**
 * Null when `sql` is exactly one SQL expression Postgres can store as a default or check;
 * otherwise the reason, as the end of a sentence ("is empty.", "contains ...").
 */
export function isSingleExpression(sql: string): string | null {
  const result = parseExpression(sql);
  return result.ok ? null : result.problem;
}

const fail = (problem: string): ParsedExpression => ({ ok: false, problem });

const TOO_DEEP = `is nested more than ${MAX_EXPRESSION_DEPTH} levels deep; write it more simply.`;

function read(sql: string): ParsedExpression {
  if (sql.trim() === '') return fail('is empty.');
  if (sql.length > MAX_EXPRESSION_LENGTH) {
    return fail(
      `is ${sql.length} characters long; an expression may have at most ${MAX_EXPRESSION_LENGTH}.`,
    );
  }
  // Only a text that has comment marks is scanned: scanning costs more than parsing.
  if ((sql.includes('--') || sql.includes('/*')) && hasComment(sql)) {
    return fail('contains a comment; write the expression alone.');
  }
  let statements: ReturnType<typeof parseStatements>;
  try {
    statements = parseStatements(PREFIX + sql);
  } catch (error) {
    if (error instanceof RangeError) return fail(TOO_DEEP);
    if (!(error instanceof SqlSyntaxError)) throw error;
    return fail(syntaxProblem(sql, error));
  }
  // A statement ending in `;` has a length; the only one, running to the end, has none.
  if (statements.length !== 1 || statements[0]!.stmt_len || !statements[0]!.stmt) {
    return fail('contains ";": it must be exactly one expression, not statements.');
  }
  const target = singleTarget(statements[0]!.stmt);
  if (typeof target === 'string') return fail(target);
  // `SELECT ALL x` parses as `SELECT x`, but `ALL x` is no expression.
  if (/^\s*all\b/i.test(sql)) {
    return fail('is not a valid SQL expression: syntax error at or near "ALL" (character 1).');
  }
  const problem = treeProblem(target);
  return problem ? fail(problem) : { ok: true, node: target };
}

function hasComment(sql: string): boolean {
  try {
    return scanTokens(sql).some(
      (t) => t.tokenName === 'SQL_COMMENT' || t.tokenName === 'C_COMMENT',
    );
  } catch {
    // What does not scan does not parse either; the parser says why.
    return false;
  }
}

function syntaxProblem(sql: string, error: SqlSyntaxError): string {
  if (/memory exhausted|stack depth/i.test(error.message)) return TOO_DEEP;
  if (/at end of input/.test(error.message)) return 'ends before the expression is complete.';
  if (error.message === 'syntax error at or near ";"') {
    return 'contains ";": it must be exactly one expression, not statements.';
  }
  if (isStatement(sql)) return 'is a statement, not an expression.';
  const position = error.position === null ? null : error.position - PREFIX.length;
  const where = position !== null && position >= 0 ? ` (character ${position + 1})` : '';
  return `is not a valid SQL expression: ${error.message}${where}.`;
}

function isStatement(sql: string): boolean {
  try {
    return parseStatements(sql).length > 0;
  } catch {
    return false;
  }
}

/** The one target of `SELECT <target>`, or why the statement is more than that. */
function singleTarget(statement: Node): Node | string {
  const select = (statement as { SelectStmt?: Record<string, unknown> }).SelectStmt;
  if (!select) return 'is not a valid SQL expression.';
  const extra = Object.keys(select).filter(
    (key) => key !== 'targetList' && key !== 'limitOption' && key !== 'op',
  );
  if (
    extra.length > 0 ||
    select.op !== 'SETOP_NONE' ||
    (select.limitOption ?? 'LIMIT_OPTION_DEFAULT') !== 'LIMIT_OPTION_DEFAULT'
  ) {
    return 'is a query, not one expression.';
  }
  const targets = select.targetList as Array<{ ResTarget?: { name?: string; val?: Node } }>;
  if (targets.length !== 1) return `is ${targets.length} expressions separated by ",", not one.`;
  const target = targets[0]!.ResTarget;
  if (!target?.val) return 'is not a valid SQL expression.';
  if (target.name !== undefined)
    return `names its value ("${target.name}"); write the expression alone.`;
  return target.val;
}

/** What Postgres would refuse in a default or check, found by one walk of the tree. */
function treeProblem(root: Node): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    let next = depth;
    for (const [key, child] of Object.entries(value)) {
      if (/^[A-Z]/.test(key)) {
        // A node: { TypeName: { ... } }.
        if (key === 'SubLink') return 'contains a subquery, which Postgres does not allow here.';
        if (key === 'SetToDefault') return 'is DEFAULT, not an expression.';
        if (key === 'A_Star') return 'contains "*", which is not a value.';
        if (key === 'ParamRef') return 'contains a parameter ($n), which has no value here.';
        next = depth + 1;
        if (next > MAX_EXPRESSION_DEPTH) return TOO_DEEP;
      }
      stack.push({ value: child, depth: next });
    }
  }
  return null;
}
