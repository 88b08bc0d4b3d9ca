/**
 * What Postgres would refuse in a design's objects, found before any SQL is written: two
 * objects of one name in one namespace, an object on a table that is not there, a dependency
 * on an id that is no table or object, and dependencies that go round in a circle.
 */

import type { Design } from '../design/types';
import type { Problem } from '../errors';
import { identifierBytes, MAX_IDENTIFIER_BYTES } from '../naming/postgres-names';
import { DEFAULT_SCHEMA } from '../naming/qualified-names';
import {
  DATABASE_WIDE_KINDS,
  type DesignObject,
  OBJECT_KIND_WORDS,
  TABLE_SCOPED_KINDS,
} from './types';

/** The design's objects; none when the field is absent. */
export function objectsOf(design: Pick<Design, 'objects'>): DesignObject[] {
  return design.objects ?? [];
}

/** The part of a function's name before its arguments: `add` of `add(a integer)`. */
export function bareName(o: Pick<DesignObject, 'kind' | 'name'>): string {
  if (o.kind !== 'function' && o.kind !== 'procedure' && o.kind !== 'aggregate') return o.name;
  const open = o.name.indexOf('(');
  return open < 0 ? o.name : o.name.slice(0, open);
}

/** Relations share one namespace per schema: tables, views, materialized views, indexes. */
const RELATION_KINDS = new Set(['view', 'materialized_view', 'index']);

export function checkObjects(design: Design): Problem[] {
  const objects = objectsOf(design);
  if (objects.length === 0) return [];
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const tableIds = new Map(design.tables.map((t) => [t.id, t]));
  const byId = new Map<string, DesignObject>();
  const namespaces = new Map<string, string>();
  for (const t of design.tables) {
    const schema = t.schema ?? DEFAULT_SCHEMA;
    namespaces.set(`relation:${schema}.${t.name}`, `table ${t.name}`);
    for (const i of t.indexes) {
      if (i.name !== null) namespaces.set(`relation:${schema}.${i.name}`, `index ${i.name}`);
    }
  }
  objects.forEach((o, i) => {
    const path = `objects[${i}]`;
    const word = OBJECT_KIND_WORDS[o.kind];
    if (o.id.trim() === '') add(`${path}.id`, 'must not be empty.');
    else if (byId.has(o.id) || tableIds.has(o.id)) {
      add(`${path}.id`, `"${o.id}" is the id of another table or object; ids must be unique.`);
    }
    byId.set(o.id, o);
    const name = bareName(o);
    if (name.trim() === '') add(`${path}.name`, `${word} name must not be empty.`);
    else if (identifierBytes(name) > MAX_IDENTIFIER_BYTES) {
      add(
        `${path}.name`,
        `${word} name "${name}" is ${identifierBytes(name)} bytes long; Postgres keeps only ${MAX_IDENTIFIER_BYTES} and would truncate it.`,
      );
    }
    if (DATABASE_WIDE_KINDS.includes(o.kind)) {
      if (o.schema !== '') {
        add(`${path}.schema`, `an ${word} belongs to the whole database; its schema must be "".`);
      }
    } else if (o.schema.trim() === '') add(`${path}.schema`, 'must not be empty.');
    if (o.definition.trim() === '') add(`${path}.definition`, `the ${word} has no definition.`);
    const scoped = TABLE_SCOPED_KINDS.includes(o.kind);
    if (scoped && o.table === null) {
      add(`${path}.table`, `a ${word} belongs to a table: give the table's id.`);
    } else if (!scoped && o.table !== null) {
      add(`${path}.table`, `a ${word} belongs to no table; it must be null.`);
    }
    const namespace = RELATION_KINDS.has(o.kind)
      ? `relation:${o.schema}.${o.name}`
      : o.kind === 'function' || o.kind === 'procedure' || o.kind === 'aggregate'
        ? `routine:${o.schema}.${o.name}`
        : o.kind === 'event_trigger'
          ? `event_trigger:${o.name}`
          : `${o.kind}:${o.table}.${o.name}`;
    const taken = namespaces.get(namespace);
    if (taken !== undefined) {
      add(
        `${path}.name`,
        DATABASE_WIDE_KINDS.includes(o.kind)
          ? `${word} "${o.name}" has the name of another ${taken}.`
          : `${word} "${o.name}" has the name of ${taken} in schema ${o.schema}.`,
      );
    } else namespaces.set(namespace, `${word} ${o.name}`);
  });
  objects.forEach((o, i) => {
    const path = `objects[${i}]`;
    if (o.table !== null) {
      const owner = byId.get(o.table);
      if (o.kind === 'index') {
        if (owner?.kind !== 'materialized_view') {
          add(`${path}.table`, `"${o.table}" is no materialized view of the design.`);
        }
      } else if (!tableIds.has(o.table)) {
        add(`${path}.table`, `"${o.table}" is no table of the design.`);
      } else {
        // The object names its table bare, in its own schema, as Postgres keeps it.
        const table = tableIds.get(o.table)!;
        const schema = table.schema ?? DEFAULT_SCHEMA;
        if (schema !== o.schema) {
          add(
            `${path}.schema`,
            `a ${OBJECT_KIND_WORDS[o.kind]} is in its table's schema: ${schema}, not ${o.schema}.`,
          );
        }
      }
    }
    o.dependsOn.forEach((dep, k) => {
      if (dep === o.id)
        add(`${path}.dependsOn[${k}]`, `a ${OBJECT_KIND_WORDS[o.kind]} cannot depend on itself.`);
      else if (!tableIds.has(dep) && !byId.has(dep)) {
        add(`${path}.dependsOn[${k}]`, `"${dep}" is no table or object of the design.`);
      }
    });
  });
  const cycle = dependencyCycle(objects);
  if (cycle !== null) {
    const at = objects.findIndex((o) => o.id === cycle[0]);
    add(
      `objects[${at}].dependsOn`,
      `objects depend on each other in a circle (${cycle.join(' -> ')}); Postgres could create none of them first.`,
    );
  }
  return problems;
}

/** One circle of object dependencies, as ids from first to first again; null when none. */
export function dependencyCycle(objects: readonly DesignObject[]): string[] | null {
  const byId = new Map(objects.map((o) => [o.id, o]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    const mark = state.get(id);
    if (mark === 'done') return null;
    if (mark === 'open') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'open');
    stack.push(id);
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (!byId.has(dep) || dep === id) continue;
      const found = visit(dep);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const o of objects) {
    const found = visit(o.id);
    if (found) return found;
  }
  return null;
}
