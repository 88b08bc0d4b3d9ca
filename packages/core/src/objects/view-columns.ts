/**
 * Whether `CREATE OR REPLACE VIEW` can turn one view query into another. Postgres allows it
 * when the new query keeps the old columns, with their names and types, in order, and only
 * appends. The types of a select list are not told by its text alone, but a select item
 * printed the same over the same FROM clause has the same name and type: so a query whose
 * select list starts with the old one's items, over the same FROM clause, keeps them (its
 * WHERE, GROUP BY, ORDER BY... may change). Anything else (a set operation, WITH, DISTINCT
 * changed) is left to drop and create.
 */

/** A query split at its top level: `SELECT [DISTINCT]`, the select items, the FROM clause, the rest. */
interface QueryParts {
  head: string;
  items: string[];
  from: string;
}

const CLAUSE_AFTER_FROM = /^(WHERE|GROUP|HAVING|WINDOW|ORDER|LIMIT|OFFSET|FETCH|FOR)$/i;
const SET_OPERATION = /^(UNION|INTERSECT|EXCEPT)$/i;

/** Top-level words and commas of a query with their offsets; strings, quoted names and parentheses skipped. */
function topLevelTokens(sql: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = closing(sql, i, c);
      i = end;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && c === ',') out.push({ text: ',', at: i });
    else if (depth === 0 && /[A-Za-z_]/.test(c) && (i === 0 || !/[\w$.]/.test(sql[i - 1]!))) {
      const word = /^[A-Za-z_][\w$]*/.exec(sql.slice(i))![0];
      out.push({ text: word, at: i });
      i += word.length;
      continue;
    }
    i++;
  }
  return out;
}

/** The offset just after the quote that closes the one at `start` (doubled quotes escape). */
function closing(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return i;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function queryParts(definition: string): QueryParts | null {
  const sql = definition.trim().replace(/;$/, '');
  const tokens = topLevelTokens(sql);
  if (tokens[0]?.text.toUpperCase() !== 'SELECT') return null;
  if (tokens.some((t) => SET_OPERATION.test(t.text))) return null;
  let start = tokens[0].at + 'SELECT'.length;
  let headEnd = 1;
  if (tokens[1]?.text.toUpperCase() === 'DISTINCT') {
    // DISTINCT ON (...) is one parenthesised group: the next top-level token follows it.
    const on = tokens[2]?.text.toUpperCase() === 'ON';
    headEnd = on ? 3 : 2;
    const after = tokens[headEnd - 1]!;
    start = on ? sql.indexOf(')', after.at) + 1 : after.at + after.text.length;
  }
  const from = tokens.findIndex((t, k) => k >= headEnd && t.text.toUpperCase() === 'FROM');
  const listEnd = from < 0 ? sql.length : tokens[from]!.at;
  const commas = tokens.filter((t) => t.text === ',' && t.at > start && t.at < listEnd);
  const items: string[] = [];
  let at = start;
  for (const comma of commas) {
    items.push(squash(sql.slice(at, comma.at)));
    at = comma.at + 1;
  }
  items.push(squash(sql.slice(at, listEnd)));
  let fromText = '';
  if (from >= 0) {
    const end = tokens.find((t, k) => k > from && CLAUSE_AFTER_FROM.test(t.text));
    fromText = squash(sql.slice(tokens[from]!.at, end === undefined ? sql.length : end.at));
  }
  return { head: squash(sql.slice(0, start)), items, from: fromText };
}

/** Whether the `after` query keeps every column of `before`, in order, only appending. */
export function viewKeepsColumns(before: string, after: string): boolean {
  const a = queryParts(before);
  const b = queryParts(after);
  if (a === null || b === null) return false;
  if (a.head !== b.head || a.from !== b.from || b.items.length < a.items.length) return false;
  return a.items.every((item, i) => item === b.items[i]);
}

/** A view's columns as Postgres reports them (`pg_attribute`), where known. */
export interface ViewColumn {
  name: string;
  /** `format_type` of the column. */
  type: string;
}

/** Whether `after` keeps every column of `before` (name and type), in order, only appending. */
export function columnsKept(before: readonly ViewColumn[], after: readonly ViewColumn[]): boolean {
  return (
    after.length >= before.length &&
    before.every((c, i) => c.name === after[i]!.name && c.type === after[i]!.type)
  );
}
