/**
 * Column types: one canonical spelling per Postgres type, so `int4`, `integer` and `INT`
 * are the same column type everywhere (diff, codegen, introspection).
 *
 * Canonical: SMALLINT, INTEGER, BIGINT, NUMERIC, NUMERIC(p,s) (`numeric(p)` is NUMERIC(p,0)), REAL,
 * DOUBLE PRECISION, BOOLEAN, VARCHAR, VARCHAR(n), CHAR(n), TEXT, DATE, TIME, TIMESTAMP,
 * TIMESTAMPTZ, INTERVAL, UUID, JSON, JSONB, BYTEA, INET, any of these followed by `[]`,
 * or an enum's exact name (optionally followed by `[]`).
 *
 * Every other type Postgres has (`timestamp(6) without time zone`, `citext`, a domain) is
 * kept in its `format_type` spelling (see `other-types.ts`) and has the base `OTHER`.
 */
import { passThroughTypeSpelling, typeSyntaxProblem } from './other-types';

export type BuiltinTypeBase =
  | 'SMALLINT'
  | 'INTEGER'
  | 'BIGINT'
  | 'NUMERIC'
  | 'REAL'
  | 'DOUBLE PRECISION'
  | 'BOOLEAN'
  | 'VARCHAR'
  | 'CHAR'
  | 'TEXT'
  | 'DATE'
  | 'TIME'
  | 'TIMESTAMP'
  | 'TIMESTAMPTZ'
  | 'INTERVAL'
  | 'UUID'
  | 'JSON'
  | 'JSONB'
  | 'BYTEA'
  | 'INET';

/** Every built-in base, in the order the editor offers them. */
export const BUILTIN_TYPE_BASES: readonly BuiltinTypeBase[] = [
  'INTEGER',
  'BIGINT',
  'SMALLINT',
  'NUMERIC',
  'REAL',
  'DOUBLE PRECISION',
  'BOOLEAN',
  'VARCHAR',
  'CHAR',
  'TEXT',
  'DATE',
  'TIME',
  'TIMESTAMP',
  'TIMESTAMPTZ',
  'INTERVAL',
  'UUID',
  'JSON',
  'JSONB',
  'BYTEA',
  'INET',
];

export type TypeBase = BuiltinTypeBase | 'ENUM' | 'OTHER';

export interface TypeInfo {
  /**
   * What emitters switch on; `ENUM` for an enum (its name is in `enumName`), `OTHER` for a
   * type kept in its `format_type` spelling (`element`; see `otherTypeShape`).
   */
  base: TypeBase;
  /** VARCHAR(n), CHAR(n). */
  length?: number;
  /** NUMERIC(p,s). */
  precision?: number;
  scale?: number;
  /** The enum's name when `base` is `ENUM`. */
  enumName?: string;
  /** `TEXT[]` and friends: one level, as Postgres treats every array the same. */
  array: boolean;
  enum: boolean;
  /** The canonical type of one element: the type without `[]`. */
  element: string;
}

/** Postgres' limits: varchar/char length (10485760), numeric precision (1000). */
const MAX_LENGTH = 10_485_760;
const MAX_PRECISION = 1000;

const SIMPLE: Record<string, BuiltinTypeBase> = {
  smallint: 'SMALLINT',
  int2: 'SMALLINT',
  integer: 'INTEGER',
  int: 'INTEGER',
  int4: 'INTEGER',
  bigint: 'BIGINT',
  int8: 'BIGINT',
  numeric: 'NUMERIC',
  decimal: 'NUMERIC',
  real: 'REAL',
  float4: 'REAL',
  'double precision': 'DOUBLE PRECISION',
  float8: 'DOUBLE PRECISION',
  float: 'DOUBLE PRECISION',
  boolean: 'BOOLEAN',
  bool: 'BOOLEAN',
  varchar: 'VARCHAR',
  'character varying': 'VARCHAR',
  text: 'TEXT',
  date: 'DATE',
  time: 'TIME',
  'time without time zone': 'TIME',
  timestamp: 'TIMESTAMP',
  'timestamp without time zone': 'TIMESTAMP',
  timestamptz: 'TIMESTAMPTZ',
  'timestamp with time zone': 'TIMESTAMPTZ',
  interval: 'INTERVAL',
  uuid: 'UUID',
  json: 'JSON',
  jsonb: 'JSONB',
  bytea: 'BYTEA',
  inet: 'INET',
};

const BASES: ReadonlySet<string> = new Set([...Object.values(SIMPLE), 'CHAR']);

const SERIALS: Record<string, string> = {
  smallserial: 'SMALLINT',
  serial2: 'SMALLINT',
  serial: 'INTEGER',
  serial4: 'INTEGER',
  bigserial: 'BIGINT',
  serial8: 'BIGINT',
};

/** Splits `name(args)[]` into its parts; null when the text is not shaped like a type. */
function splitType(raw: string): { name: string; args: number[] | null; array: boolean } | null {
  let text = raw.trim().replace(/\s+/g, ' ');
  let array = false;
  const arrayMatch = /^(.*?)\s*\[\s*\]$/.exec(text);
  if (arrayMatch) {
    array = true;
    text = arrayMatch[1]!;
  }
  const match = /^([A-Za-z_][A-Za-z0-9_ ]*?)\s*(?:\(\s*([0-9\s,]*)\s*\))?$/.exec(text);
  if (!match) return null;
  const name = match[1]!.toLowerCase();
  if (match[2] === undefined) return { name, args: null, array };
  const parts = match[2].split(',').map((part) => part.trim());
  if (parts.some((part) => !/^[0-9]+$/.test(part))) return null;
  return { name, args: parts.map(Number), array };
}

function withArray(type: string, array: boolean): string {
  return array ? `${type}[]` : type;
}

function builtin(name: string, args: number[] | null): string | null {
  if (name === 'char' || name === 'character' || name === 'bpchar') {
    // A bare `char`/`character` is char(1) in Postgres; a bare `bpchar` is unbounded, which
    // has no canonical spelling here.
    if (args === null) return name === 'bpchar' ? null : 'CHAR(1)';
    if (args.length !== 1 || args[0]! < 1 || args[0]! > MAX_LENGTH) return null;
    return `CHAR(${args[0]})`;
  }
  if (name === 'float' && args !== null) {
    // Postgres: float(1..24) is real, float(25..53) double precision.
    if (args.length !== 1 || args[0]! < 1 || args[0]! > 53) return null;
    return args[0]! <= 24 ? 'REAL' : 'DOUBLE PRECISION';
  }
  const base = SIMPLE[name];
  if (!base) return null;
  if (args === null) return base;
  if (base === 'VARCHAR') {
    if (args.length !== 1 || args[0]! < 1 || args[0]! > MAX_LENGTH) return null;
    return `VARCHAR(${args[0]})`;
  }
  if (base === 'NUMERIC') {
    const [precision, scale] = args;
    if (args.length > 2 || precision === undefined) return null;
    if (precision < 1 || precision > MAX_PRECISION) return null;
    // Postgres stores numeric(p) as numeric(p,0) and prints it so.
    if (scale === undefined) return `NUMERIC(${precision},0)`;
    if (scale > precision) return null;
    return `NUMERIC(${precision},${scale})`;
  }
  return null;
}

/**
 * The canonical spelling of a column type, or null when it is not one Retort knows.
 * Case-insensitive and whitespace-tolerant for built-in types; enum names match exactly.
 */
export function normalizeType(raw: string, enumNames: readonly string[]): string | null {
  const trimmed = raw.trim();
  if (enumNames.length > 0) {
    const enumMatch = /^(.*?)\s*(\[\s*\])?$/.exec(trimmed);
    if (enumMatch && enumNames.includes(enumMatch[1]!)) {
      return withArray(enumMatch[1]!, enumMatch[2] !== undefined);
    }
  }
  return builtinSpelling(trimmed);
}

/**
 * The canonical spelling of a built-in type text, remembered: a large design spells the same
 * few types thousands of times, and every read of it normalises each one.
 */
const builtinSpellings = new Map<string, string | null>();
const MAX_REMEMBERED_SPELLINGS = 10_000;

function builtinSpelling(trimmed: string): string | null {
  const remembered = builtinSpellings.get(trimmed);
  if (remembered !== undefined) return remembered;
  const parts = splitType(trimmed);
  const type = parts && builtin(parts.name, parts.args);
  const spelling = parts && type !== null ? withArray(type, parts.array) : null;
  if (builtinSpellings.size < MAX_REMEMBERED_SPELLINGS) builtinSpellings.set(trimmed, spelling);
  return spelling;
}

/**
 * The spelling a design keeps for a column type: canonical for the types Retort knows (and
 * enums), `format_type`'s for every other type Postgres has. Null when the text is not a
 * type name at all (`describeUnknownType` says why); whether the type exists is the
 * database's to say.
 */
export function normalizeColumnType(raw: string, enumNames: readonly string[]): string | null {
  const known = knownColumnType(raw, enumNames);
  if (known !== null) return known;
  if (typeSyntaxProblem(raw) !== null || serialName(raw) !== undefined) return null;
  return passThroughTypeSpelling(raw);
}

/**
 * `normalizeColumnType` for text that needs no checking: a type read from a database, or one
 * already in a validated design. No parser is needed.
 */
export function columnTypeSpelling(raw: string, enumNames: readonly string[]): string {
  return knownColumnType(raw, enumNames) ?? passThroughTypeSpelling(raw);
}

function knownColumnType(raw: string, enumNames: readonly string[]): string | null {
  const known = normalizeType(raw, enumNames);
  if (known !== null) return known;
  // `int[][]` is `int[]` (Postgres keeps no dimensions); `pg_catalog.int4` is `int4`.
  const plain = raw
    .trim()
    .replace(/^pg_catalog\s*\.\s*/i, '')
    .replace(/(\s*\[\s*\d*\s*\])+$/, '[]');
  return plain === raw ? null : normalizeType(plain, enumNames);
}

function serialName(raw: string): string | undefined {
  return SERIALS[raw.trim().toLowerCase()];
}

/** Why `raw` is not a column type, as a sentence, with a hint for the usual mistakes. */
export function describeUnknownType(raw: string): string {
  const serial = serialName(raw);
  if (serial) {
    return `"${raw}" is not a column type: use ${serial} with "autoincrement": true.`;
  }
  return `"${raw}" ${typeSyntaxProblem(raw) ?? 'is not a type name.'}`;
}

/**
 * The parts of a design's column type (the output of `normalizeColumnType`): a type that is
 * not canonical is `OTHER`, its spelling in `element`.
 */
export function parseCanonicalType(type: string, enumNames: readonly string[]): TypeInfo {
  const array = type.endsWith('[]');
  const element = array ? type.slice(0, -2) : type;
  if (enumNames.includes(element)) {
    return { base: 'ENUM', enumName: element, array, enum: true, element };
  }
  const match = /^([A-Z]+(?: [A-Z]+)?)(?:\((\d+)(?:,(\d+))?\))?$/.exec(element);
  if (!match || !BASES.has(match[1]!)) return { base: 'OTHER', array, enum: false, element };
  const info: TypeInfo = { base: match[1] as BuiltinTypeBase, array, enum: false, element };
  const first = match[2] === undefined ? undefined : Number(match[2]);
  const second = match[3] === undefined ? undefined : Number(match[3]);
  if (info.base === 'VARCHAR' || info.base === 'CHAR') {
    if (first !== undefined) info.length = first;
  } else if (info.base === 'NUMERIC') {
    if (first !== undefined) info.precision = first;
    if (second !== undefined) info.scale = second;
  }
  return info;
}

/** The integer types that `autoincrement` (SERIAL, BIGSERIAL, SMALLSERIAL) applies to. */
export const INTEGER_TYPES: readonly string[] = ['SMALLINT', 'INTEGER', 'BIGINT'];

/** The SERIAL spelling Postgres and SQLAlchemy use for an autoincrement integer type. */
export function serialTypeName(type: string): 'SMALLSERIAL' | 'SERIAL' | 'BIGSERIAL' | null {
  if (type === 'SMALLINT') return 'SMALLSERIAL';
  if (type === 'INTEGER') return 'SERIAL';
  if (type === 'BIGINT') return 'BIGSERIAL';
  return null;
}
