/**
 * Domains and composite types from their `pg_type` rows: base and attribute types spelled as
 * columns' are, defaults and checks canonical on `VALUE`, so they compare with a design's.
 */
import {
  type CatalogCompositeType,
  type CatalogDomain,
  columnTypeSpelling,
  domainCheckExpression,
  domainDefaultExpression,
  qualifiedName,
} from '@retort/core';
import type { TypeRow } from './catalog-queries';

const byName = <T extends { name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** `CHECK ((VALUE >= 0))` -> `(VALUE >= 0)`. */
function checkBody(definition: string): string {
  const match = /^CHECK\s*\(([\s\S]*)\)(?:\s+NOT VALID)?$/i.exec(definition.trim());
  return match ? match[1]! : definition;
}

/** A domain, and why parts of it are listed (a check not yet validated). */
export function readDomain(
  t: TypeRow,
  enumNames: readonly string[],
): { domain: CatalogDomain; unmodelled: string[] } {
  const type = columnTypeSpelling(t.base ?? '', enumNames);
  const unmodelled: string[] = [];
  const checks = (t.checks ?? []).map((k) => {
    if (!k.validated) unmodelled.push(`check ${k.name} of a domain is NOT VALID`);
    return { name: k.name, expression: domainCheckExpression(checkBody(k.definition), type) };
  });
  return {
    domain: {
      name: qualifiedName(t.schema, t.name),
      type,
      ...(t.collation !== null ? { collation: t.collation } : {}),
      default: t.default === null ? null : domainDefaultExpression(t.default, type),
      notNull: t.notnull,
      checks: checks.sort(byName),
      comment: t.comment,
    },
    unmodelled,
  };
}

export function readCompositeType(t: TypeRow, enumNames: readonly string[]): CatalogCompositeType {
  return {
    name: qualifiedName(t.schema, t.name),
    attributes: (t.attributes ?? []).map((a) => ({
      name: a.name,
      type: columnTypeSpelling(a.type, enumNames),
      ...(a.collation !== null ? { collation: a.collation } : {}),
    })),
    comment: t.comment,
  };
}
