/**
 * Objects as Postgres sees them (ids become names and reference keys), how two lists of them
 * differ, and the order in which Postgres can create them.
 */
import type { Design } from '../design/types';
import { objectQualifiedName } from '../naming/qualified-names';
import {
  type CatalogObject,
  type DesignObject,
  describeObject,
  objectKey,
  tableKey,
} from './types';
import { objectsOf } from './validate';

/** The design's objects as catalog objects, sorted by key; undefined when it has none. */
export function catalogObjects(design: Design): CatalogObject[] | undefined {
  const objects = objectsOf(design);
  if (objects.length === 0) return undefined;
  // An object names its table bare (its schema is the object's); a dependency names it as
  // the catalog does, qualified outside public.
  const tables = new Map(design.tables.map((t) => [t.id, t.name]));
  const tableKeys = new Map(design.tables.map((t) => [t.id, tableKey(objectQualifiedName(t))]));
  const byId = new Map<string, DesignObject>(objects.map((o) => [o.id, o]));
  const catalogOf = (o: DesignObject): Omit<CatalogObject, 'dependsOn'> => ({
    kind: o.kind,
    schema: o.schema,
    name: o.name,
    table: o.table === null ? null : (tables.get(o.table) ?? byId.get(o.table)?.name ?? o.table),
    definition: o.definition,
    comment: o.comment,
    ...(o.columns ? { columns: o.columns.map((c) => ({ ...c })) } : {}),
  });
  return sortObjects(
    objects.map((o) => ({
      ...catalogOf(o),
      dependsOn: o.dependsOn
        .map((dep) => {
          const table = tableKeys.get(dep);
          if (table !== undefined) return table;
          const other = byId.get(dep);
          return other ? objectKey(catalogOf(other)) : dep;
        })
        .sort(),
    })),
  );
}

export function sortObjects(objects: CatalogObject[]): CatalogObject[] {
  const keyed = objects.map((o) => [objectKey(o), o] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map(([, o]) => o);
}

/** A definition as compared: the whitespace and final semicolon around it do not count. */
export function comparableDefinition(definition: string): string {
  return definition.trim().replace(/;$/, '').trimEnd();
}

/**
 * Every difference between expected and actual objects, one sentence each, by kind and name:
 * `view public.active_users is missing from the database`.
 */
export function describeObjectDifferences(
  expected: readonly CatalogObject[] = [],
  actual: readonly CatalogObject[] = [],
): string[] {
  const out: string[] = [];
  const actualByKey = new Map(actual.map((o) => [objectKey(o), o]));
  const expectedKeys = new Set(expected.map(objectKey));
  for (const e of expected) {
    const a = actualByKey.get(objectKey(e));
    const what = describeObject(e);
    if (!a) {
      out.push(`${what} is missing from the database`);
      continue;
    }
    if (comparableDefinition(e.definition) !== comparableDefinition(a.definition)) {
      out.push(
        `${what} is defined as ${JSON.stringify(comparableDefinition(a.definition))} in the database, ${JSON.stringify(comparableDefinition(e.definition))} expected`,
      );
    }
    if (e.comment !== a.comment) {
      out.push(
        `${what} has comment ${JSON.stringify(a.comment)} in the database, ${JSON.stringify(e.comment)} expected`,
      );
    }
  }
  for (const a of actual) {
    if (!expectedKeys.has(objectKey(a)))
      out.push(`${describeObject(a)} is in the database but not expected`);
  }
  return out;
}

/** Which kinds come first among objects that do not depend on each other. */
const KIND_RANK: Record<CatalogObject['kind'], number> = {
  function: 0,
  procedure: 1,
  aggregate: 2,
  view: 3,
  materialized_view: 4,
  index: 5,
  row_security: 6,
  force_row_security: 7,
  policy: 8,
  rule: 9,
  trigger: 10,
  event_trigger: 11,
};

/**
 * Objects in an order Postgres can create them: each after the objects it depends on;
 * otherwise functions, then views, materialized views and their indexes, row-level security,
 * policies, triggers and event triggers, by key within a kind. Dropping goes in the reverse order.
 */
export function creationOrder(objects: readonly CatalogObject[]): CatalogObject[] {
  const byKey = new Map(objects.map((o) => [objectKey(o), o]));
  const rank = (o: CatalogObject) =>
    `${String(KIND_RANK[o.kind]).padStart(2, '0')}:${objectKey(o)}`;
  const sorted = [...objects].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  const done = new Set<string>();
  const out: CatalogObject[] = [];
  const visit = (o: CatalogObject, path: Set<string>) => {
    const key = objectKey(o);
    if (done.has(key) || path.has(key)) return;
    path.add(key);
    const deps = o.dependsOn
      .map((d) => byKey.get(d))
      .filter((d): d is CatalogObject => d !== undefined)
      .sort((a, b) => (rank(a) < rank(b) ? -1 : 1));
    // An index, policy or trigger needs its owner too, whether or not dependsOn says so.
    for (const dep of deps) visit(dep, path);
    path.delete(key);
    done.add(key);
    out.push(o);
  };
  for (const o of sorted) visit(o, new Set());
  return out;
}
