/**
 * SQL spelling of names and literals. A name is quoted only when Postgres needs it: upper
 * case or unusual characters, or a keyword that is not unreserved (`pg_get_keywords()`
 * categories R, T and C; a column-name keyword such as `time` or `int` would read as a type
 * where a type is expected, so those are quoted too).
 */
import {
  otherTypeShape,
  passThroughTypeSpelling,
  qualifiedName,
  schemaOf,
  splitQualifiedName,
} from '@retort/core';

const KEYWORDS = new Set(
  [
    // reserved (R)
    'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral leading limit localtime localtimestamp not null offset on only or order placing primary references returning select session_user some symmetric system_user table then to trailing true union unique user using variadic when where window with',
    // type or function names (T)
    'authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join left like natural notnull outer overlaps right similar tablesample verbose',
    // column names (C), including those Postgres 16 and 17 added
    'between bigint bit boolean char character coalesce dec decimal exists extract float greatest grouping inout int integer interval json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar json_serialize json_table json_value least merge_action national nchar none normalize nullif numeric out overlay position precision real row setof smallint substring time timestamp treat trim values varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable',
  ]
    .join(' ')
    .split(' '),
);

export function quoteName(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !KEYWORDS.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteNames(names: readonly string[]): string {
  return names.map(quoteName).join(', ');
}

/** A string literal (standard_conforming_strings: backslashes are literal). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const BUILTIN = /^[A-Z]+(?: [A-Z]+)?(?:\(\d+(?:,\d+)?\))?$/;

/**
 * A design's column type as SQL: built-in types and types kept in their `format_type`
 * spelling as they are, enum names quoted when needed.
 */
export function sqlType(type: string): string {
  const array = type.endsWith('[]');
  const element = array ? type.slice(0, -2) : type;
  // An enum outside public is named `app.status`, each part quoted as it needs.
  const text =
    BUILTIN.test(element) || isTypeSpelling(element)
      ? element
      : element.includes('.')
        ? quoteTable(element)
        : quoteName(element);
  return array ? `${text}[]` : text;
}

/**
 * Whether `element` is already SQL: a spelling `passThroughTypeSpelling` writes whose names
 * need no more quoting. An enum's name is raw text (`Mood`, `order status`), never that,
 * except when quoting would not change it.
 */
function isTypeSpelling(element: string): boolean {
  if (passThroughTypeSpelling(element) !== element) return false;
  const shape = otherTypeShape(element);
  if (shape.family !== 'named') return true;
  const plain = (part: string) => /^".*"$/.test(part) || quoteName(part) === part;
  return (
    plain(shape.name) &&
    (shape.schema === null || plain(shape.schema)) &&
    (shape.args === null || /^[0-9a-z_,' ]*$/.test(shape.args))
  );
}

/** A table's or type's catalog name (`app.users`, `users` in public) as SQL. */
export function quoteTable(qualified: string): string {
  const { schema, name } = splitQualifiedName(qualified);
  return qualified.includes('.') ? `${quoteName(schema)}.${quoteName(name)}` : quoteName(name);
}

/** An index's or sequence's name, in the schema of the table (catalog name) it belongs to. */
export function quoteInSchemaOf(table: string, name: string): string {
  return quoteTable(qualifiedName(schemaOf(table), name));
}
