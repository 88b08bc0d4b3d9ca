/** Spelling names and strings in SQL so Postgres reads them back as they are. */

const KEYWORDS = new Set([
  'all',
  'and',
  'any',
  'array',
  'as',
  'asc',
  'both',
  'case',
  'cast',
  'check',
  'collate',
  'column',
  'constraint',
  'create',
  'current_date',
  'current_role',
  'current_time',
  'current_timestamp',
  'current_user',
  'default',
  'desc',
  'distinct',
  'do',
  'else',
  'end',
  'false',
  'for',
  'foreign',
  'from',
  'grant',
  'group',
  'having',
  'in',
  'into',
  'is',
  'leading',
  'limit',
  'localtime',
  'localtimestamp',
  'not',
  'null',
  'offset',
  'on',
  'only',
  'or',
  'order',
  'primary',
  'references',
  'select',
  'session_user',
  'some',
  'table',
  'then',
  'to',
  'trailing',
  'true',
  'union',
  'unique',
  'user',
  'using',
  'when',
  'where',
  'with',
]);

export function quoteIdentifier(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !KEYWORDS.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteString(value: string): string {
  // Postgres reads backslashes literally in standard strings, and pg_get_expr writes E''
  // only when a backslash is present.
  const body = value.replaceAll("'", "''");
  return value.includes('\\') ? `E'${body.replaceAll('\\', '\\\\')}'` : `'${body}'`;
}

/** A catalog name of a table or type, `app.users` as `app.users`, `public.a.b` as `public."a.b"`. */
export function quoteQualifiedIdentifier(qualified: string): string {
  const dot = qualified.indexOf('.');
  if (dot < 0) return quoteIdentifier(qualified);
  return `${quoteIdentifier(qualified.slice(0, dot))}.${quoteIdentifier(qualified.slice(dot + 1))}`;
}
