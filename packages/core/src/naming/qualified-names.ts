/**
 * Schemas: a table or enum outside `public` is named in the catalog and in operations by its
 * schema-qualified name (`app.users`), the way Postgres' `format_type` and `regclass` write it
 * when the schema is not on the search path; one in `public` by its bare name, so catalogs
 * and revisions written before schemas were modelled read the same. A schema name has no dot
 * (validation refuses one), so the first dot ends it; a public name that itself holds a dot
 * is written qualified (`public.a.b`), so a name is never read as another's schema.
 */

export const DEFAULT_SCHEMA = 'public';

export interface SchemaName {
  schema: string;
  name: string;
}

/** `app.users` for a table of `app`, `users` for one of `public`. */
export function qualifiedName(schema: string | undefined, name: string): string {
  const s = schema ?? DEFAULT_SCHEMA;
  return s === DEFAULT_SCHEMA && !name.includes('.') ? name : `${s}.${name}`;
}

/** The schema and bare name of a catalog name (see `qualifiedName`). */
export function splitQualifiedName(qualified: string): SchemaName {
  const dot = qualified.indexOf('.');
  if (dot < 0) return { schema: DEFAULT_SCHEMA, name: qualified };
  return { schema: qualified.slice(0, dot), name: qualified.slice(dot + 1) };
}

/** The schema of a catalog name. */
export function schemaOf(qualified: string): string {
  return splitQualifiedName(qualified).schema;
}

/** The bare name of a catalog name. */
export function unqualifiedName(qualified: string): string {
  return splitQualifiedName(qualified).name;
}

/** The catalog name of a design table or enum (its schema absent: public). */
export function objectQualifiedName(object: { schema?: string; name: string }): string {
  return qualifiedName(object.schema, object.name);
}

/**
 * Why `schema` cannot hold a design's tables, or null: Postgres keeps `pg_*` and
 * `information_schema` for itself, and a dot would make `app.users` ambiguous.
 */
export function schemaNameProblem(schema: string): string | null {
  if (schema.trim() === '') return 'Schema name must not be empty.';
  if (schema.includes('.')) return `schema name "${schema}" must not contain a dot.`;
  if (/^pg_/i.test(schema) || schema === 'information_schema') {
    return `schema "${schema}" is Postgres' own; put the design's objects in another schema.`;
  }
  return null;
}

/**
 * The schemas other than public that a design's tables, types and extensions live in, sorted.
 */
export function designSchemas(design: {
  tables: readonly { schema?: string }[];
  enums: readonly { schema?: string }[];
  domains?: readonly { schema?: string }[];
  compositeTypes?: readonly { schema?: string }[];
  extensions?: readonly { schema?: string }[];
  sequences?: readonly { schema?: string }[];
}): string[] {
  const schemas = new Set<string>();
  for (const o of [
    ...design.tables,
    ...design.enums,
    ...(design.domains ?? []),
    ...(design.compositeTypes ?? []),
    ...(design.extensions ?? []),
    ...(design.sequences ?? []),
  ]) {
    if (o.schema !== undefined && o.schema !== DEFAULT_SCHEMA) schemas.add(o.schema);
  }
  return [...schemas].sort();
}

/** Comments on schemas sorted by schema name, so equal catalogs hash alike; undefined when none. */
export function sortedSchemaComments(
  comments: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  const entries = Object.entries(comments ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}
