/**
 * How the domains, composite types and extensions of two catalogs differ, one sentence
 * each, named by the object: `domain "year" has default 1901 in the database, none expected`.
 */
import type {
  Catalog,
  CatalogCompositeAttribute,
  CatalogCompositeType,
  CatalogDomain,
} from '../catalog/types';

const show = (value: string | null | undefined) => (value == null ? 'none' : value);

export function differs(what: string, label: string, expected: string, actual: string): string[] {
  return expected === actual
    ? []
    : [`${what} ${label} ${actual} in the database, ${expected} expected`];
}

export function named<T extends { name: string }>(
  expected: readonly T[],
  actual: readonly T[],
  word: string,
  compare: (what: string, e: T, a: T) => string[],
): string[] {
  const out: string[] = [];
  const actualByName = new Map(actual.map((a) => [a.name, a]));
  const expectedNames = new Set(expected.map((e) => e.name));
  for (const e of expected) {
    const what = `${word} "${e.name}"`;
    const a = actualByName.get(e.name);
    if (!a) out.push(`${what} is missing from the database`);
    else out.push(...compare(what, e, a));
  }
  for (const a of actual) {
    if (!expectedNames.has(a.name))
      out.push(`${word} "${a.name}" is in the database but not expected`);
  }
  return out;
}

export function comment(what: string, e: string | null, a: string | null): string[] {
  return e === a
    ? []
    : [`${what} has comment ${JSON.stringify(a)} in the database, ${JSON.stringify(e)} expected`];
}

function domainDifferences(what: string, e: CatalogDomain, a: CatalogDomain): string[] {
  return [
    ...differs(what, 'is over', e.type, a.type),
    ...differs(what, 'has collation', show(e.collation), show(a.collation)),
    ...differs(what, 'has default', show(e.default), show(a.default)),
    ...differs(
      what,
      'is',
      e.notNull ? 'NOT NULL' : 'nullable',
      a.notNull ? 'NOT NULL' : 'nullable',
    ),
    ...named(e.checks, a.checks, `${what}: check`, (w, ec, ac) =>
      differs(w, 'is', ec.expression, ac.expression),
    ),
    ...comment(what, e.comment, a.comment),
  ];
}

/** `street text, city text COLLATE "C"`. */
export function attributesText(attributes: readonly CatalogCompositeAttribute[]): string {
  return attributes
    .map(
      (x) => `${x.name} ${x.type}${x.collation === undefined ? '' : ` COLLATE "${x.collation}"`}`,
    )
    .join(', ');
}

function compositeDifferences(
  what: string,
  e: CatalogCompositeType,
  a: CatalogCompositeType,
): string[] {
  return [
    ...differs(
      what,
      'is',
      `(${attributesText(e.attributes)})`,
      `(${attributesText(a.attributes)})`,
    ),
    ...comment(what, e.comment, a.comment),
  ];
}

export function describeUserTypeDifferences(expected: Catalog, actual: Catalog): string[] {
  return [
    ...named(expected.extensions ?? [], actual.extensions ?? [], 'extension', (what, e, a) =>
      differs(what, 'is in schema', e.schema, a.schema),
    ),
    ...named(expected.domains ?? [], actual.domains ?? [], 'domain', domainDifferences),
    ...named(
      expected.compositeTypes ?? [],
      actual.compositeTypes ?? [],
      'composite type',
      compositeDifferences,
    ),
  ];
}
