/**
 * The TypeScript type of what node-postgres hands back for a column, with its default type
 * parsers: BIGINT and NUMERIC as strings (they may not fit a JS number), DATE, TIMESTAMP and
 * TIMESTAMPTZ as Date, JSON parsed (`unknown`), BYTEA a Buffer, INTERVAL a postgres-interval
 * object (`PostgresInterval`, which the emitter declares). The TypeORM and Kysely emitters
 * start from this one table and say only where their library differs.
 */
import { type BuiltinTypeBase, otherTypeShape, type TypeInfo } from '@retort/core';

const NODE_POSTGRES_TYPES: Record<BuiltinTypeBase, string> = {
  SMALLINT: 'number',
  INTEGER: 'number',
  REAL: 'number',
  'DOUBLE PRECISION': 'number',
  BIGINT: 'string',
  NUMERIC: 'string',
  BOOLEAN: 'boolean',
  VARCHAR: 'string',
  CHAR: 'string',
  TEXT: 'string',
  TIME: 'string',
  UUID: 'string',
  INET: 'string',
  DATE: 'Date',
  TIMESTAMP: 'Date',
  TIMESTAMPTZ: 'Date',
  INTERVAL: 'PostgresInterval',
  JSON: 'unknown',
  JSONB: 'unknown',
  BYTEA: 'Buffer',
};

/** The element type (an array's too); an enum is its TypeScript type's name in `enumTypes`. */
export function readType(
  type: TypeInfo,
  enumTypes: ReadonlyMap<string, string>,
  differences: Partial<Record<BuiltinTypeBase, string>> = {},
): string {
  if (type.base === 'ENUM') return enumTypes.get(type.enumName!)!;
  const base = type.base === 'OTHER' ? otherBase(type) : type.base;
  if (base === null) return 'unknown';
  return differences[base] ?? NODE_POSTGRES_TYPES[base];
}

/**
 * The built-in a pass-through type reads like (`timestamp(6) ...` like TIMESTAMP); null for
 * a type node-postgres has no parser for, whose value is `unknown` (usually a string).
 */
export function otherBase(type: TypeInfo): BuiltinTypeBase | null {
  const shape = otherTypeShape(type.element);
  if (shape.family === 'timestamp') return shape.timezone ? 'TIMESTAMPTZ' : 'TIMESTAMP';
  if (shape.family === 'time') return 'TIME';
  if (shape.family === 'interval') return 'INTERVAL';
  if (shape.family === 'bit') return 'TEXT';
  return null;
}

/** `T[]`, parenthesised when `T` is a union or written with spaces. */
export function arrayOf(element: string): string {
  return /[ |]/.test(element) ? `(${element})[]` : `${element}[]`;
}
