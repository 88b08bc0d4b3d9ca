/**
 * A SQL-language function or procedure has its body checked against the catalog when it is
 * created, yet the body may name tables and views that the same revision creates after it:
 * Postgres records no dependency for such a body, so no order can be worked out from it. As
 * pg_dump does, the check is off while the routine is created, and back to the server's
 * setting right after.
 */
import type { CatalogObject } from '@retort/core';

const SQL_LANGUAGE = /^\s*LANGUAGE sql\s*$/im;

/** `statements` that create or replace `o`, with the body check off around them if needed. */
export function withBodyCheckOff(o: CatalogObject, statements: string[]): string[] {
  const routine = o.kind === 'function' || o.kind === 'procedure';
  if (!routine || !SQL_LANGUAGE.test(o.definition)) return statements;
  if (!statements.some((s) => /^CREATE\b/.test(s))) return statements;
  return ['SET check_function_bodies = off', ...statements, 'RESET check_function_bodies'];
}
