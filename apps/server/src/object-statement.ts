/**
 * What the SQL editor may send to be checked: exactly one CREATE statement of a kind Retort
 * keeps as an object (view, materialized view, index, function, procedure, aggregate, trigger,
 * rule, policy, event trigger); an event trigger's may be followed by the one `ALTER EVENT
 * TRIGGER ... ENABLE|DISABLE` that sets its state, as pg_dump writes it.
 * The text is split into statements the way Postgres' lexer would (quoted identifiers,
 * strings with their escapes, dollar-quoted bodies and both kinds of comments hide their
 * semicolons), so a second statement after the first, a `DROP` included, is refused before
 * anything runs, even on the scratch database.
 */
import { RetortError } from '@retort/core';

export interface ObjectStatement {
  /** The statement alone: the text up to its semicolon (or its end), offsets unchanged. */
  sql: string;
  /** What it creates, as its leading keywords say: `VIEW`, `MATERIALIZED VIEW`, ... */
  creates: string;
  /** An event trigger's `ALTER EVENT TRIGGER ... ENABLE|DISABLE`, run after it; offsets unchanged. */
  state?: string;
}

/** Longest first, so `OR REPLACE VIEW` is tried before `VIEW`. */
const ACCEPTED: readonly { words: string[]; creates: string }[] = [
  { words: ['OR', 'REPLACE', 'RECURSIVE', 'VIEW'], creates: 'VIEW' },
  { words: ['OR', 'REPLACE', 'VIEW'], creates: 'VIEW' },
  { words: ['RECURSIVE', 'VIEW'], creates: 'VIEW' },
  { words: ['VIEW'], creates: 'VIEW' },
  { words: ['MATERIALIZED', 'VIEW'], creates: 'MATERIALIZED VIEW' },
  { words: ['UNIQUE', 'INDEX'], creates: 'INDEX' },
  { words: ['INDEX'], creates: 'INDEX' },
  { words: ['OR', 'REPLACE', 'FUNCTION'], creates: 'FUNCTION' },
  { words: ['FUNCTION'], creates: 'FUNCTION' },
  { words: ['OR', 'REPLACE', 'PROCEDURE'], creates: 'PROCEDURE' },
  { words: ['PROCEDURE'], creates: 'PROCEDURE' },
  { words: ['OR', 'REPLACE', 'CONSTRAINT', 'TRIGGER'], creates: 'TRIGGER' },
  { words: ['OR', 'REPLACE', 'TRIGGER'], creates: 'TRIGGER' },
  { words: ['CONSTRAINT', 'TRIGGER'], creates: 'TRIGGER' },
  { words: ['TRIGGER'], creates: 'TRIGGER' },
  { words: ['POLICY'], creates: 'POLICY' },
  { words: ['OR', 'REPLACE', 'AGGREGATE'], creates: 'AGGREGATE' },
  { words: ['AGGREGATE'], creates: 'AGGREGATE' },
  { words: ['OR', 'REPLACE', 'RULE'], creates: 'RULE' },
  { words: ['RULE'], creates: 'RULE' },
  { words: ['EVENT', 'TRIGGER'], creates: 'EVENT TRIGGER' },
];

const KINDS_SENTENCE =
  'CREATE VIEW, MATERIALIZED VIEW, INDEX (on a materialized view), FUNCTION, PROCEDURE, AGGREGATE, TRIGGER, RULE, POLICY or EVENT TRIGGER';

interface Statement {
  start: number;
  end: number;
  /** Upper-cased bare words from the start, up to the first that is not one. */
  words: string[];
}

/** The statements of `text` (comments and whitespace alone make none). */
export function splitStatements(text: string): Statement[] {
  const out: Statement[] = [];
  let start = -1;
  let words: string[] = [];
  let wordsDone = false;
  const finish = (end: number) => {
    if (start >= 0) out.push({ start, end, words });
    start = -1;
    words = [];
    wordsDone = false;
  };
  const begin = (at: number) => {
    if (start < 0) start = at;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && next === '-') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (c === '/' && next === '*') {
      let depth = 1;
      i += 2;
      while (i < text.length && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === ';') {
      finish(i);
      i++;
    } else if (c === "'" || c === '"') {
      begin(i);
      wordsDone = true;
      const escapes = c === "'" && /[eE]/.test(text[i - 1] ?? '') && !/\w/.test(text[i - 2] ?? '');
      i++;
      while (i < text.length) {
        if (escapes && text[i] === '\\') i += 2;
        else if (text[i] === c && text[i + 1] === c) i += 2;
        else if (text[i] === c) break;
        else i++;
      }
      i++;
    } else if (c === '$' && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(text.slice(i))) {
      begin(i);
      wordsDone = true;
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i))![0];
      const close = text.indexOf(tag, i + tag.length);
      i = close < 0 ? text.length : close + tag.length;
    } else if (/[A-Za-z_]/.test(c)) {
      begin(i);
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(i))![0];
      if (!wordsDone) words.push(word.toUpperCase());
      i += word.length;
    } else {
      begin(i);
      wordsDone = true;
      i++;
    }
  }
  finish(text.length);
  return out;
}

/** The one CREATE statement of `text`, or a refusal naming what is wrong with it. */
export function objectStatement(text: string): ObjectStatement {
  const statements = splitStatements(text);
  if (statements.length === 0) {
    throw new RetortError(
      `The SQL is empty; write one ${KINDS_SENTENCE} statement.`,
      'invalid_input',
    );
  }
  const state = eventTriggerState(text, statements);
  if (state !== null) return { ...objectStatement(text.slice(0, statements[0]!.end)), state };
  if (statements.length > 1) {
    throw new RetortError(
      `The SQL holds ${statements.length} statements; only one ${KINDS_SENTENCE} statement is checked at a time.`,
      'invalid_input',
    );
  }
  const [only] = statements as [Statement];
  const [first, ...rest] = only.words;
  const match =
    first === 'CREATE' ? ACCEPTED.find((a) => a.words.every((w, k) => rest[k] === w)) : undefined;
  if (!match) {
    const said = only.words.slice(0, 3).join(' ') || text.slice(only.start, only.start + 20).trim();
    throw new RetortError(
      `Only a ${KINDS_SENTENCE} statement is accepted, not "${said}".`,
      'invalid_input',
    );
  }
  return { sql: text.slice(0, only.end), creates: match.creates };
}

/**
 * The text of an `ALTER EVENT TRIGGER` that follows a `CREATE EVENT TRIGGER` of the same
 * name and only sets its state; null for any other pair (refused as two statements).
 */
function eventTriggerState(text: string, statements: readonly Statement[]): string | null {
  if (statements.length !== 2) return null;
  const [create, alter] = statements as [Statement, Statement];
  const name = create.words[3];
  const [a, b, c, named, ...state] = alter.words;
  const sets = state.join(' ');
  if (
    create.words.slice(0, 3).join(' ') !== 'CREATE EVENT TRIGGER' ||
    `${a} ${b} ${c}` !== 'ALTER EVENT TRIGGER' ||
    name === undefined ||
    named !== name ||
    !['ENABLE', 'DISABLE', 'ENABLE REPLICA', 'ENABLE ALWAYS'].includes(sets)
  ) {
    return null;
  }
  // Blanked rather than cut, so Postgres' error position still counts lines in `text`.
  return text.slice(0, alter.start).replace(/[^\n]/g, ' ') + text.slice(alter.start, alter.end);
}

/** The 1-based line and column of a 1-based character position in `text`. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, position - 1));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}
