/**
 * Reading one SQL expression (a column default or a check) with pgsql-ast-parser, and
 * saying in one sentence why a text is not exactly one expression.
 */
import { type Expr, parse } from 'pgsql-ast-parser';

export type ParsedExpression = { ok: true; expr: Expr } | { ok: false; error: string };

const STATEMENT_START =
  /^\s*(select|insert|update|delete|drop|create|alter|truncate|grant|revoke|with|copy|begin|commit|rollback|do|call|vacuum|analyze|set|reset|comment|values|table|lock|explain)\b/i;

export function parseExpression(sql: string): ParsedExpression {
  try {
    const expr = parse(sql, 'expr') as unknown as Expr;
    return { ok: true, expr };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Scans quotes, comments and parentheses; reports what makes `sql` more or less than one expression. */
function textualProblem(sql: string): string | null {
  let depth = 0;
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i]!;
    if (char === "'" || char === '"') {
      const end = sql.indexOf(char, i + 1);
      if (end < 0) return `has an unterminated ${char === "'" ? 'string' : 'quoted identifier'}.`;
      i = end;
    } else if (char === '-' && sql[i + 1] === '-') {
      return 'contains a comment; write the expression alone.';
    } else if (char === '/' && sql[i + 1] === '*') {
      return 'contains a comment; write the expression alone.';
    } else if (char === '(') depth++;
    else if (char === ')') {
      depth--;
      if (depth < 0) return 'has a ")" without a matching "(".';
    } else if (char === ';')
      return 'contains ";": it must be exactly one expression, not statements.';
  }
  if (depth > 0) return 'has a "(" without a matching ")".';
  return null;
}

function syntaxPosition(message: string): string {
  const match = /line (\d+) col (\d+)/i.exec(message);
  return match ? ` at line ${match[1]}, column ${match[2]}` : '';
}

function containsSubquery(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsSubquery);
  if (node === null || typeof node !== 'object') return false;
  const type = (node as { type?: unknown }).type;
  if (type === 'select' || type === 'with' || type === 'union' || type === 'array select') {
    return true;
  }
  return Object.values(node).some(containsSubquery);
}

/**
 * Null when `sql` is exactly one SQL expression Postgres can store as a default or check;
 * otherwise the reason, as the end of a sentence ("is empty.", "contains ...").
 *
 * Where pgsql-ast-parser does not know a construct Postgres accepts (`IS DISTINCT FROM`,
 * `AT TIME ZONE`, ...), a text with balanced quotes and parentheses, no `;` and not shaped
 * like a statement is accepted: Postgres has the last word when the DDL runs.
 */
export function isSingleExpression(sql: string): string | null {
  if (sql.trim() === '') return 'is empty.';
  const textual = textualProblem(sql);
  if (textual) return textual;
  const parsed = parseExpression(sql);
  if (parsed.ok) {
    if (containsSubquery(parsed.expr)) {
      return 'contains a subquery, which Postgres does not allow here.';
    }
    if (parsed.expr.type === 'default') return 'is DEFAULT, not an expression.';
    return null;
  }
  // Only after parsing: `begin < finish` and `comment IS NULL` are expressions on such columns.
  if (STATEMENT_START.test(sql)) return 'is a statement, not an expression.';
  if (/unexpected end of input/i.test(parsed.error)) {
    return 'ends before the expression is complete.';
  }
  if (isLenientlyAcceptable(sql)) return null;
  return `is not a valid SQL expression (syntax error${syntaxPosition(parsed.error)}).`;
}

/**
 * Constructs Postgres accepts in expressions that pgsql-ast-parser does not parse. Only
 * these are accepted unparsed, so a typo still gets a syntax error.
 */
const UNPARSED_CONSTRUCTS = [
  /\bis\s+(not\s+)?distinct\s+from\b/i,
  /\bat\s+time\s+zone\b/i,
  /\bcollate\b/i,
  /\b(not\s+)?similar\s+to\b/i,
  /\bis\s+(not\s+)?unknown\b/i,
  /\boverlaps\b/i,
  /\binterval\s+'/i,
  /\b(date|time|timestamp|timestamptz)\s+'/i,
  /\b(current_time|current_timestamp|localtime|localtimestamp)\s*\(/i,
  /\bE'/,
  /\$\$/,
];

function isLenientlyAcceptable(sql: string): boolean {
  return UNPARSED_CONSTRUCTS.some((pattern) => pattern.test(sql));
}
