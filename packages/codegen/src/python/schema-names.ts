/**
 * Catalog names (`app.users`, `users` in public) as SQLAlchemy and Alembic take them: the bare
 * name, and `schema=` beside it only outside public, so a design without schemas renders as before.
 */
import { splitQualifiedName } from '@retort/core';
import { pythonString } from './literal';

/** The schema outside public, else null. */
export function pySchema(qualified: string): string | null {
  return qualified.includes('.') ? splitQualifiedName(qualified).schema : null;
}

/** `'users'` (public) or `'users'` with `schema='app'` as keyword arguments to append. */
export function pyNameArgs(qualified: string, keyword = 'schema'): { name: string; kw: string[] } {
  const { name } = splitQualifiedName(qualified);
  const schema = pySchema(qualified);
  return {
    name: pythonString(name),
    kw: schema === null ? [] : [`${keyword}=${pythonString(schema)}`],
  };
}

/** `name='status'` or `name='status', schema='app'`: an enum type's keyword arguments. */
export function pyEnumNameArgs(qualified: string): string {
  const { name, kw } = pyNameArgs(qualified);
  return [`name=${name}`, ...kw].join(', ');
}
