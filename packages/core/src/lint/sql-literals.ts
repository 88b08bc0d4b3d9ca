/**
 * The string literals and identifiers in a piece of SQL (a default, a check, hand-written
 * statements), enough to tell whether it uses an enum value: each literal with the type it
 * is cast to (`'paid'::order_status`), array literals (`'{paid,new}'`) split into elements,
 * and dollar-quoted bodies (`DO $$ ... $$`) read as SQL too, since they run in the same
 * transaction.
 */

export interface SqlLiteral {
  /** The literal's value, quotes and escapes resolved. */
  value: string;
  /** The elements, when the value is an array literal (`{a,"b c"}`). */
  elements: string[];
  /** The type after `::`, without `[]`, as Postgres folds it; null without a cast. */
  cast: string | null;
  /**
   * The nearest identifiers before and after it, past operators, other literals and `IN`,
   * `ANY`, `ARRAY`, `AS`, ...: the column it is compared with or assigned to
   * (`state = 'paid'`, `state IN ('new', 'paid')`), or the type in `CAST('paid' AS status)`.
   */
  neighbours: string[];
}

export interface SqlText {
  literals: SqlLiteral[];
  /** Identifiers and keywords, unquoted ones lowercased as Postgres folds them. */
  words: Set<string>;
}

const WORD = /[A-Za-z_][A-Za-z0-9_$]*/y;
const DOLLAR = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;

type Token = { word: string } | { literal: SqlLiteral } | { stop: true };

/** Words a literal's column or type can stand behind: `state NOT IN (...)`, `= ANY (ARRAY[...])`. */
const PASS = new Set(['in', 'not', 'any', 'some', 'all', 'array', 'as', 'is', 'distinct', 'from']);

export function readSql(sql: string): SqlText {
  const tokens: Token[] = [];
  scan(sql, tokens);
  const words = new Set<string>();
  const literals: SqlLiteral[] = [];
  const nearest = (start: number, step: number): string[] => {
    for (let j = start; j >= 0 && j < tokens.length; j += step) {
      const token = tokens[j]!;
      if ('stop' in token) return [];
      if ('word' in token && !PASS.has(token.word)) return [token.word];
    }
    return [];
  };
  tokens.forEach((token, i) => {
    if ('word' in token) words.add(token.word);
    if ('literal' in token) {
      token.literal.neighbours = [...nearest(i - 1, -1), ...nearest(i + 1, 1)];
      literals.push(token.literal);
    }
  });
  return { literals, words };
}

function scan(sql: string, out: Token[]): void {
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (ch === '"') {
      const [name, next] = quoted(sql, i, '"', false);
      out.push({ word: name });
      i = next;
    } else if (ch === "'" || ((ch === 'E' || ch === 'e') && sql[i + 1] === "'")) {
      const escapes = ch !== "'";
      const [value, next] = quoted(sql, escapes ? i + 1 : i, "'", escapes);
      const [cast, after] = castAfter(sql, next);
      out.push({ literal: { value, elements: arrayElements(value), cast, neighbours: [] } });
      i = after;
    } else if (ch === '$') {
      DOLLAR.lastIndex = i;
      const tag = DOLLAR.exec(sql);
      if (!tag) {
        i++;
        continue;
      }
      const end = sql.indexOf(tag[0], i + tag[0].length);
      const body = sql.slice(i + tag[0].length, end < 0 ? sql.length : end);
      scan(body, out);
      i = end < 0 ? sql.length : end + tag[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      WORD.lastIndex = i;
      const word = WORD.exec(sql)![0];
      out.push({ word: word.toLowerCase() });
      i += word.length;
    } else if (ch === ';') {
      out.push({ stop: true });
      i++;
    } else {
      i++;
    }
  }
}

/** A quoted token starting at `start` (the opening quote): its text and the index after it. */
function quoted(sql: string, start: number, quote: string, escapes: boolean): [string, number] {
  let text = '';
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (escapes && ch === '\\' && i + 1 < sql.length) {
      text += sql[i + 1];
      i += 2;
    } else if (ch === quote && sql[i + 1] === quote) {
      text += quote;
      i += 2;
    } else if (ch === quote) {
      return [text, i + 1];
    } else {
      text += ch;
      i++;
    }
  }
  return [text, i];
}

function castAfter(sql: string, start: number): [string | null, number] {
  let i = start;
  while (/\s/.test(sql[i] ?? '')) i++;
  if (sql[i] !== ':' || sql[i + 1] !== ':') return [null, start];
  i += 2;
  while (/\s/.test(sql[i] ?? '')) i++;
  let name: string;
  if (sql[i] === '"') {
    [name, i] = quoted(sql, i, '"', false);
  } else {
    WORD.lastIndex = i;
    const word = WORD.exec(sql);
    if (!word) return [null, start];
    name = word[0].toLowerCase();
    i += word[0].length;
  }
  return [name, i];
}

function arrayElements(value: string): string[] {
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return [];
  return trimmed
    .slice(1, -1)
    .split(',')
    .map((element) => element.trim().replace(/^"(.*)"$/, '$1'))
    .filter((element) => element.length > 0);
}
