/**
 * Domains, composite types and extensions as Postgres sees them: names schema-qualified the
 * way column types name them, defaults and checks canonical, unnamed checks under the name
 * Postgres gives them. Also the order Postgres can create the types in: a type that names
 * another (a domain over a composite, an attribute of a domain type) comes after it.
 */
import type { CatalogCompositeType, CatalogDomain, CatalogExtension } from '../catalog/types';
import type { CompositeType, Design, DomainType } from '../design/types';
import { canonicalExpression } from '../expression/canonical';
import { DEFAULT_SCHEMA, objectQualifiedName } from '../naming/qualified-names';

const byName = <T extends { name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** `VALUE` is the one name a domain check or default can use; it has the base type. */
function domainContext(type: string): { columns: Record<string, string> } {
  return { columns: { value: type } };
}

/** A domain check's canonical expression. */
export function domainCheckExpression(expression: string, type: string): string {
  return canonicalExpression(expression, domainContext(type));
}

/** A domain default's canonical expression; null for none, `NULL` included. */
export function domainDefaultExpression(sql: string, type: string): string | null {
  const text = canonicalExpression(sql, { ...domainContext(type), role: 'default' });
  return /^\(*NULL\)*(::[^()]*)?$/i.test(text.trim()) ? null : text;
}

export function catalogDomain(d: DomainType): CatalogDomain {
  const taken = new Set(d.checks.flatMap((k) => (k.name === null ? [] : [k.name])));
  const checks = d.checks.map((k) => {
    let name = k.name;
    if (name === null) {
      // Postgres' choice for an unnamed domain check: `<domain>_check`, then `_check1`...
      name = `${d.name}_check`;
      for (let n = 1; taken.has(name); n++) name = `${d.name}_check${n}`;
      taken.add(name);
    }
    return { name, expression: domainCheckExpression(k.expression, d.type) };
  });
  return {
    name: objectQualifiedName(d),
    type: d.type,
    ...(d.collation !== undefined ? { collation: d.collation } : {}),
    default: d.default === null ? null : domainDefaultExpression(d.default.sql, d.type),
    notNull: d.notNull,
    checks: checks.sort(byName),
    comment: d.comment,
  };
}

export function catalogCompositeType(t: CompositeType): CatalogCompositeType {
  return {
    name: objectQualifiedName(t),
    attributes: t.attributes.map((a) => ({
      name: a.name,
      type: a.type,
      ...(a.collation !== undefined ? { collation: a.collation } : {}),
    })),
    comment: t.comment,
  };
}

/** The three lists of a design's catalog, each absent when empty. */
export function catalogUserTypes(design: Design): Partial<{
  domains: CatalogDomain[];
  compositeTypes: CatalogCompositeType[];
  extensions: CatalogExtension[];
}> {
  const domains = (design.domains ?? []).map(catalogDomain).sort(byName);
  const compositeTypes = (design.compositeTypes ?? []).map(catalogCompositeType).sort(byName);
  const extensions = (design.extensions ?? [])
    .map((e) => ({ name: e.name, schema: e.schema ?? DEFAULT_SCHEMA }))
    .sort(byName);
  return {
    ...(domains.length > 0 ? { domains } : {}),
    ...(compositeTypes.length > 0 ? { compositeTypes } : {}),
    ...(extensions.length > 0 ? { extensions } : {}),
  };
}

/** The type a column type names, without `[]`. */
export function elementType(type: string): string {
  return type.endsWith('[]') ? type.slice(0, -2) : type;
}

export type UserType =
  | { kind: 'domain'; type: CatalogDomain }
  | { kind: 'composite'; type: CatalogCompositeType };

/** The types a domain or composite type names. */
export function typesNamedBy(t: UserType): string[] {
  return t.kind === 'domain'
    ? [elementType(t.type.type)]
    : t.type.attributes.map((a) => elementType(a.type));
}

/**
 * Domains and composite types in an order Postgres can create them: each after those it
 * names, otherwise by name. Dropping goes in the reverse order.
 */
export function userTypeCreationOrder(
  domains: readonly CatalogDomain[],
  composites: readonly CatalogCompositeType[],
): UserType[] {
  const all: UserType[] = [
    ...domains.map((type) => ({ kind: 'domain' as const, type })),
    ...composites.map((type) => ({ kind: 'composite' as const, type })),
  ].sort((a, b) => byName(a.type, b.type));
  const byTypeName = new Map(all.map((t) => [t.type.name, t]));
  const done = new Set<string>();
  const out: UserType[] = [];
  const visit = (t: UserType, path: Set<string>) => {
    if (done.has(t.type.name) || path.has(t.type.name)) return;
    path.add(t.type.name);
    for (const name of typesNamedBy(t)) {
      const dep = byTypeName.get(name);
      if (dep) visit(dep, path);
    }
    path.delete(t.type.name);
    done.add(t.type.name);
    out.push(t);
  };
  for (const t of all) visit(t, new Set());
  return out;
}
