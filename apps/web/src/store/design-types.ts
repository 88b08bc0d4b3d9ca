/**
 * Type spelling as the editor stores it: canonical Postgres spelling from `normalizeType`
 * for built-in types, the enum's own name for enums, and what the user typed otherwise (an
 * unknown type is kept so validation can point at it instead of the editor losing it).
 */
import type { Design } from '@retort/core';
import { normalizeType } from '@retort/core';

export function canonicalType(design: Design, typed: string): string {
  const trimmed = typed.trim();
  return (
    normalizeType(
      trimmed,
      design.enums.map((e) => e.name),
    ) ?? trimmed
  );
}

export function sameType(design: Design, a: string, b: string): boolean {
  return canonicalType(design, a) === canonicalType(design, b);
}

/** The built-in types offered as suggestions; any `[]` suffix or length is also accepted. */
export const SUGGESTED_TYPES = [
  'INTEGER',
  'BIGINT',
  'SMALLINT',
  'NUMERIC(12,2)',
  'REAL',
  'DOUBLE PRECISION',
  'BOOLEAN',
  'VARCHAR(255)',
  'CHAR(1)',
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
  'TEXT[]',
  'INTEGER[]',
] as const;
