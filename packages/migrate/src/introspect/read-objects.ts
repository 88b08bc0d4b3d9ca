/**
 * The objects of the introspected schema (object-queries.ts) as catalog objects, with their
 * dependencies from pg_depend. What cannot be carried without changing its meaning is listed
 * instead, never dropped silently: an object on a table Retort leaves out, a view with
 * options, a disabled trigger, a function in C or internal; and so is everything that depends
 * on such an object. Objects live in any schema read; a table is referred to by its catalog
 * name (`app.users`, or bare in public).
 */
import {
  type CatalogObject,
  describeObject,
  OBJECT_KIND_WORDS,
  type ObjectKind,
  objectKey,
  qualifiedName,
  sortObjects,
  tableKey,
  unqualifiedName,
  type ViewColumn,
} from '@retort/core';
import type { Unmodelled } from '../contract';
import type { DependencyRow, ObjectRow } from './object-queries';

/** Relation kinds an object can need whole: tables, views, foreign tables. */
const NEEDED_RELATIONS = new Set(['r', 'p', 'v', 'm', 'f']);

export function readObjects(
  rows: readonly ObjectRow[],
  dependencies: readonly DependencyRow[],
  tables: ReadonlyMap<number, string>,
  schemas: readonly string[],
): { objects: CatalogObject[]; unmodelled: Unmodelled[] } {
  const unmodelled: Unmodelled[] = [];
  const ref = (cls: string, oid: number) => `${cls}:${oid}`;
  const relations = new Map(
    rows.filter((r) => r.class === 'pg_class' && r.table === null).map((r) => [r.oid, r.name]),
  );
  const objects = new Map<string, CatalogObject>();
  const why = new Map<string, string>();
  for (const row of rows) {
    const kind = row.kind as ObjectKind;
    // A table outside public is named `schema.table` in the catalog; the object names its schema.
    const modelled = row.table === null ? undefined : tables.get(row.table);
    const ownerName =
      row.table === null
        ? null
        : ((modelled === undefined ? undefined : unqualifiedName(modelled)) ??
          // Only an index belongs to a materialized view; a trigger or rule on a view does not
          // fit the design (its owner is a table), so it is listed.
          (kind === 'index' ? relations.get(row.table) : undefined) ??
          null);
    const object: CatalogObject = {
      kind,
      schema: row.schema,
      name: row.name,
      table: ownerName ?? row.table_name,
      definition: row.definition ?? '',
      comment: row.comment,
      dependsOn: [],
      ...(row.columns === null ? {} : { columns: JSON.parse(row.columns) as ViewColumn[] }),
    };
    const key = ref(row.class, row.oid) + (kind === 'force_row_security' ? ':force' : '');
    objects.set(key, object);
    const reasons: string[] = [];
    const word = OBJECT_KIND_WORDS[kind];
    if (row.table !== null && ownerName === null) {
      reasons.push(
        relations.has(row.table)
          ? `${word} on view ${row.schema}.${row.table_name}; Retort keeps ${word}s on tables only`
          : `${word} on ${row.schema}.${row.table_name}, which is not modelled`,
      );
    }
    if (row.note !== null) reasons.push(row.note);
    if (row.definition === null) reasons.push('no definition Postgres can print');
    if (reasons.length > 0) why.set(key, reasons.join(', '));
  }
  const byOid = new Map<string, string>();
  for (const [key] of objects) if (!key.endsWith(':force')) byOid.set(key, key);
  // Dependencies: onto a modelled table, or onto another object.
  const deps = new Map<string, Set<string>>();
  for (const d of dependencies) {
    const from = byOid.get(ref(d.class, d.oid));
    if (from === undefined) continue;
    const to = ref(d.ref_class, d.ref_oid);
    if (to === from) continue;
    const set = deps.get(from) ?? new Set();
    if (d.ref_class === 'pg_class' && tables.has(d.ref_oid))
      set.add(tableKey(tables.get(d.ref_oid)!));
    else if (objects.has(to)) set.add(to);
    else {
      const missing = missingDependency(d, schemas);
      if (missing !== null && !why.has(from)) why.set(from, missing);
      continue;
    }
    deps.set(from, set);
  }
  for (const [key, o] of objects) {
    const set = deps.get(key.replace(/:force$/, '')) ?? new Set<string>();
    if (o.kind === 'row_security' || o.kind === 'force_row_security') {
      set.clear();
      set.add(tableKey(qualifiedName(o.schema, o.name)));
    } else if (o.table !== null) {
      const owner = [...objects].find(
        ([, x]) =>
          x.table === null &&
          x.schema === o.schema &&
          x.name === o.table &&
          x.kind === 'materialized_view',
      );
      set.add(o.kind === 'index' && owner ? owner[0] : tableKey(qualifiedName(o.schema, o.table)));
    }
    deps.set(key, set);
  }
  // What depends on a left-out object is left out too.
  let grew = true;
  while (grew) {
    grew = false;
    for (const [key, set] of deps) {
      if (why.has(key)) continue;
      const missing = [...set].find((d) => objects.has(d) && why.has(d));
      if (missing === undefined) continue;
      why.set(key, `depends on ${describeObject(objects.get(missing)!)}, which is not modelled`);
      grew = true;
    }
  }
  const out: CatalogObject[] = [];
  for (const [key, o] of objects) {
    const reason = why.get(key);
    if (reason !== undefined) {
      const scoped = o.table !== null && o.table !== o.name;
      unmodelled.push({
        kind: OBJECT_KIND_WORDS[o.kind],
        name: o.schema === '' ? o.name : `${o.schema}.${scoped ? `${o.table}.` : ''}${o.name}`,
        why: reason,
      });
      continue;
    }
    o.dependsOn = [...(deps.get(key) ?? [])]
      .map((d) => (d.startsWith('table:') ? d : objectKey(objects.get(d)!)))
      .sort();
    out.push(o);
  }
  return { objects: sortObjects(out), unmodelled };
}

/**
 * Why an object cannot be carried when it needs `d`, which is neither a modelled table nor
 * an object read: a routine or relation outside the schemas read, or one Retort leaves out
 * (an aggregate, a partitioned table...). What an extension owns comes with the extension.
 */
function missingDependency(d: DependencyRow, schemas: readonly string[]): string | null {
  if (d.ref_extension || d.ref_schema === null || d.ref_name === null) return null;
  const isRelation = d.ref_class === 'pg_class' && NEEDED_RELATIONS.has(d.ref_kind ?? '');
  if (!isRelation && d.ref_kind !== 'function') return null;
  const word = d.ref_kind === 'function' ? 'function' : d.ref_kind === 'v' ? 'view' : 'table';
  const what = `${word} ${d.ref_schema}.${d.ref_name}`;
  return schemas.includes(d.ref_schema)
    ? `depends on ${what}, which is not modelled`
    : `depends on ${what}, outside the schemas read`;
}
