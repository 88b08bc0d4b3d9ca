/**
 * Column types Retort has no canonical spelling for: timestamps with a precision, bit
 * strings, `interval day to second`, `tsvector`, `citext`, domains, composite types,
 * `vector(3)`. Each is kept as Postgres' `format_type` prints it, so a design written by
 * hand, one imported from a database, and that database read back all spell it the same.
 *
 * The spelling is worked out from the text alone (no database at hand): unquoted words in
 * lower case (Postgres folds them), quoted identifiers as they are, one `[]` for an array of
 * any dimension (Postgres does not keep the number), no `public.` or `pg_catalog.` prefix,
 * and the SQL-standard aliases of the time and bit families in their long form.
 */
import { parseExpression } from '../expression/parse';

/** `a . b ( 3 , 2 ) [ ] [ ]` → `a.b(3,2)[]`, lower case outside double quotes. */
function tidy(raw: string): string {
  const parts = raw.trim().split(/("(?:[^"]|"")*")/);
  const text = parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .toLowerCase()
            .replace(/\s+/g, ' ')
            .replace(/ ?([().,[\]]) ?/g, '$1')
            .replace(/\)(with|without)/g, ') $1'),
    )
    .join('')
    .replace(/(\[\d*\])+$/, '[]');
  return text.replace(/^(public|pg_catalog)\./, '');
}

const TIME_FAMILY = /^(timestamp|time)(tz)?(?:\((\d+)\))?(?: (with|without) time zone)?$/;

/** The long form `format_type` prints for the time and bit families; other text unchanged. */
function longForm(element: string): string {
  const time = TIME_FAMILY.exec(element);
  if (time) {
    const [, base, tz, precision, zone] = time;
    if (tz && zone) return element;
    const withZone = tz !== undefined || zone === 'with';
    return `${base}${precision === undefined ? '' : `(${precision})`} ${withZone ? 'with' : 'without'} time zone`;
  }
  if (element === 'bit') return 'bit(1)';
  const varbit = /^varbit(\(\d+\))?$/.exec(element);
  if (varbit) return `bit varying${varbit[1] ?? ''}`;
  return element;
}

/**
 * The `format_type` spelling of a type Retort has no canonical name for. The text is not
 * checked here (see `typeSyntaxProblem`); this is also how a type read from a database is
 * spelled, so it must leave `format_type`'s own output unchanged.
 */
export function passThroughTypeSpelling(raw: string): string {
  const text = tidy(raw);
  const array = text.endsWith('[]');
  const element = longForm(array ? text.slice(0, -2) : text);
  return array ? `${element}[]` : element;
}

/**
 * Null when `raw` is a type name as Postgres' parser reads one (`SELECT NULL::<raw>` is a
 * cast of NULL and nothing more); otherwise why not, as the end of a sentence. Whether the
 * type exists is the database's to say, when the design is applied.
 */
export function typeSyntaxProblem(raw: string): string | null {
  if (raw.trim() === '') return 'is empty.';
  if (/;|--|\/\*/.test(raw)) return 'is not a type name.';
  const parsed = parseExpression(`NULL::${raw}`);
  const cast = parsed.ok
    ? (parsed.node as { TypeCast?: { arg?: { A_Const?: { isnull?: boolean } } } }).TypeCast
    : undefined;
  if (cast?.arg?.A_Const?.isnull !== true) return 'is not a type name.';
  return null;
}

/** What codegen knows of a pass-through type: the families SQLAlchemy has classes for. */
export type OtherTypeShape =
  | { family: 'timestamp' | 'time'; precision: number | null; timezone: boolean }
  | { family: 'interval'; fields: string | null; precision: number | null }
  | { family: 'bit'; length: number | null; varying: boolean }
  | { family: 'named'; name: string; schema: string | null; args: string | null };

/** The shape of one element's spelling (no `[]`), as `passThroughTypeSpelling` writes it. */
export function otherTypeShape(element: string): OtherTypeShape {
  const time = /^(timestamp|time)(?:\((\d+)\))? (with|without) time zone$/.exec(element);
  if (time) {
    return {
      family: time[1] as 'timestamp' | 'time',
      precision: time[2] === undefined ? null : Number(time[2]),
      timezone: time[3] === 'with',
    };
  }
  const interval = /^interval(?: ([a-z ]+?))?(?:\((\d+)\))?$/.exec(element);
  if (interval) {
    return {
      family: 'interval',
      fields: interval[1] ?? null,
      precision: interval[2] === undefined ? null : Number(interval[2]),
    };
  }
  const bit = /^bit( varying)?(?:\((\d+)\))?$/.exec(element);
  if (bit) {
    return {
      family: 'bit',
      varying: bit[1] !== undefined,
      length: bit[2] === undefined ? null : Number(bit[2]),
    };
  }
  const named =
    /^(?:((?:"(?:[^"]|"")*"|[^."()]+))\.)?((?:"(?:[^"]|"")*"|[^."()]+))(?:\((.*)\))?$/.exec(
      element,
    );
  return named
    ? { family: 'named', schema: named[1] ?? null, name: named[2]!, args: named[3] ?? null }
    : { family: 'named', schema: null, name: element, args: null };
}
