/**
 * Type spelling as the editor stores it: canonical Postgres spelling from `normalizeType`
 * for built-in types, the enum's own name for enums, and what the user typed otherwise (an
 * unknown type is kept so validation can point at it instead of the editor losing it).
 */
import { BUILTIN_TYPE_BASES, type BuiltinTypeBase, normalizeType } from '../type-names';
import type { Design } from '../types';

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

/** Sizes the editor suggests for the built-ins that take one. */
const SUGGESTED_SIZE: Partial<Record<BuiltinTypeBase, string>> = {
  NUMERIC: 'NUMERIC(12,2)',
  VARCHAR: 'VARCHAR(255)',
  CHAR: 'CHAR(1)',
};

/** The built-in types offered as suggestions; any `[]` suffix or length is also accepted. */
export const SUGGESTED_TYPES: readonly string[] = [
  ...BUILTIN_TYPE_BASES.map((base) => SUGGESTED_SIZE[base] ?? base),
  'TEXT[]',
  'INTEGER[]',
];
