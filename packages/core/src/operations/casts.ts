/**
 * Which column type changes Postgres makes by itself (`ALTER COLUMN ... TYPE t` uses the
 * assignment cast) and which need `USING`. The table was read off Postgres 15 by trying every
 * pair of Retort's types on a real server (see casts.test.ts, which checks it still holds).
 */
import { BUILTIN_TYPE_BASES } from '../design/type-names';

const STRINGS = new Set(['VARCHAR', 'CHAR', 'TEXT']);
const NUMBERS = new Set(['SMALLINT', 'INTEGER', 'BIGINT', 'NUMERIC', 'REAL', 'DOUBLE PRECISION']);
/** Assignment casts between date/time types. */
const TIME_CASTS: Record<string, readonly string[]> = {
  DATE: ['TIMESTAMP', 'TIMESTAMPTZ'],
  TIME: ['INTERVAL'],
  TIMESTAMP: ['DATE', 'TIME', 'TIMESTAMPTZ'],
  TIMESTAMPTZ: ['DATE', 'TIME', 'TIMESTAMP'],
  INTERVAL: ['TIME'],
};
const BUILTIN = /^([A-Z]+(?: [A-Z]+)?)(?:\(\d+(?:,\d+)?\))?$/;
const BUILTINS: ReadonlySet<string> = new Set(BUILTIN_TYPE_BASES);

interface Shape {
  /** The built-in base (`VARCHAR` for `VARCHAR(10)`), or `ENUM`. */
  base: string;
  array: boolean;
  element: string;
}

function shape(type: string): Shape {
  const array = type.endsWith('[]');
  const element = array ? type.slice(0, -2) : type;
  const match = BUILTIN.exec(element);
  const base = match && BUILTINS.has(match[1]!) ? match[1]! : 'ENUM';
  return { base, array, element };
}

function elementCastsItself(from: Shape, to: Shape): boolean {
  if (from.element === to.element) return true;
  if (STRINGS.has(to.base)) return true;
  if (from.base === 'ENUM' || to.base === 'ENUM') return false;
  if (from.base === to.base) return true;
  if (NUMBERS.has(from.base) && NUMBERS.has(to.base)) return true;
  if (
    (from.base === 'JSON' && to.base === 'JSONB') ||
    (from.base === 'JSONB' && to.base === 'JSON')
  )
    return true;
  return TIME_CASTS[from.base]?.includes(to.base) ?? false;
}

/** Whether `ALTER COLUMN ... TYPE to` from `from` needs a `USING` clause (canonical types). */
export function needsUsing(from: string, to: string): boolean {
  if (from === to) return false;
  const a = shape(from);
  const b = shape(to);
  // Anything reads as text: Postgres' I/O conversion to a string type is an assignment cast.
  if (!b.array && STRINGS.has(b.base)) return false;
  if (a.array !== b.array) return true;
  return !elementCastsItself(a, b);
}

/**
 * The `USING` expression for a change that needs one: `col::to` where Postgres has a cast
 * (from a string type, integer <-> boolean, jsonb -> number or boolean, text[] -> int[]),
 * otherwise through text (`col::text::to`), which is how enum -> enum and date -> integer
 * conversions go. `column` and `to` are already quoted SQL.
 */
export function usingExpression(
  column: string,
  from: string,
  to: string,
  quotedTo: string,
): string | null {
  if (!needsUsing(from, to)) return null;
  const a = shape(from);
  const b = shape(to);
  const direct =
    (!a.array && STRINGS.has(a.base)) ||
    (!a.array && !b.array && a.base === 'INTEGER' && b.base === 'BOOLEAN') ||
    (!a.array && !b.array && a.base === 'BOOLEAN' && b.base === 'INTEGER') ||
    (!a.array && !b.array && a.base === 'JSONB' && (NUMBERS.has(b.base) || b.base === 'BOOLEAN')) ||
    (a.array && b.array && STRINGS.has(a.base));
  if (direct) return `${column}::${quotedTo}`;
  return `${column}::text::${quotedTo}`;
}
