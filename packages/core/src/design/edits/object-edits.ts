/**
 * Edits of a design's objects (views, functions, triggers, policies...): put one in (new, or
 * in place of the one it replaces), delete one, move a view on the canvas. An object comes in
 * as Postgres printed it (a `CatalogObject`, names instead of ids) and is given ids here, so
 * what the SQL editor checked is exactly what the design keeps.
 */

import { quoteIdentifier } from '../../expression/sql-quote';
import { DEFAULT_SCHEMA, qualifiedName } from '../../naming/qualified-names';
import type { CatalogObject, DesignObject } from '../../objects/types';
import { objectKey, tableKey } from '../../objects/types';
import { objectsOf } from '../../objects/validate';
import { sameJson } from '../../same-json';
import { designIds } from '../ids';
import type { Design, Position } from '../types';
import { newId } from './new-id';

/** Kinds drawn on the canvas as their own node. */
export const DRAWN_OBJECT_KINDS: ReadonlySet<DesignObject['kind']> = new Set([
  'view',
  'materialized_view',
]);

export function findObject(design: Design, objectId: string): DesignObject | undefined {
  return design.objects?.find((o) => o.id === objectId);
}

/** The design's objects that need `objectId`: its own indexes and whatever depends on it. */
export function objectDependents(design: Design, objectId: string): DesignObject[] {
  return objectsOf(design).filter(
    (o) => o.id !== objectId && (o.dependsOn.includes(objectId) || o.table === objectId),
  );
}

/** The objects that belong to a table (triggers, policies, row-level security), by kind. */
export function tableObjects(design: Design, tableId: string): DesignObject[] {
  return objectsOf(design).filter((o) => o.table === tableId);
}

/**
 * The key each table and object of the design is known by in a `CatalogObject`'s
 * `dependsOn` and `table` (a table also by its bare name, as a table of public is).
 */
function catalogIds(design: Design): { keys: Map<string, string>; tables: Map<string, string> } {
  const keys = new Map<string, string>();
  const tables = new Map<string, string>();
  for (const t of design.tables) {
    const qualified = qualifiedName(t.schema, t.name);
    for (const name of new Set([qualified, t.name, `${t.schema ?? DEFAULT_SCHEMA}.${t.name}`])) {
      if (!keys.has(tableKey(name))) keys.set(tableKey(name), t.id);
      if (!tables.has(name)) tables.set(name, t.id);
    }
  }
  const objects = objectsOf(design);
  const names = new Map(objects.map((o) => [o.id, o.name]));
  for (const o of objects) {
    const owner =
      o.table === null
        ? null
        : (design.tables.find((t) => t.id === o.table)?.name ?? names.get(o.table) ?? o.table);
    keys.set(objectKey({ ...o, table: owner }), o.id);
    if (o.table === null) tables.set(o.name, o.id);
  }
  return { keys, tables };
}

/**
 * The design object for a checked catalog object: its table and dependencies as ids of this
 * design (what it depends on that the design lacks is left out: the check built the design, so
 * there is none). `id` keeps an object's identity when it replaces one; else a new id.
 */
export function objectFromCatalog(
  design: Design,
  object: CatalogObject,
  id?: string,
): DesignObject {
  const { keys, tables } = catalogIds(design);
  const taken = new Set([...designIds(design), ...objectsOf(design).map((o) => o.id)]);
  const self = id ?? newId('o', taken);
  const dependsOn = [...new Set(object.dependsOn.flatMap((key) => keys.get(key) ?? []))].filter(
    (dep) => dep !== self,
  );
  return {
    id: self,
    kind: object.kind,
    schema: object.schema,
    name: object.name,
    table: object.table === null ? null : (tables.get(object.table) ?? object.table),
    definition: object.definition,
    comment: object.comment,
    dependsOn,
    ...(object.columns ? { columns: object.columns } : {}),
  };
}

/**
 * Puts an object into the design: in place of the one with its id (keeping where that one is
 * drawn, and the objects that depend on it), or at the end when new.
 */
export function putObject(design: Design, object: DesignObject): Design {
  const objects = objectsOf(design);
  const index = objects.findIndex((o) => o.id === object.id);
  if (index < 0) return { ...design, objects: [...objects, object] };
  const old = objects[index]!;
  const next: DesignObject =
    object.position === undefined && old.position !== undefined
      ? { ...object, position: old.position }
      : object;
  if (sameJson(old, next)) return design;
  return { ...design, objects: objects.map((o, i) => (i === index ? next : o)) };
}

/**
 * Deletes an object and what belongs to it (a materialized view's indexes). Refused, the
 * design unchanged, while another object depends on it: Postgres would refuse to drop it too.
 */
export function deleteObject(design: Design, objectId: string): Design {
  if (!findObject(design, objectId)) return design;
  const owned = objectsOf(design).filter((o) => o.table === objectId);
  const gone = new Set([objectId, ...owned.map((o) => o.id)]);
  const blocking = objectsOf(design).filter(
    (o) => !gone.has(o.id) && o.dependsOn.some((d) => gone.has(d)),
  );
  if (blocking.length > 0) return design;
  const objects = objectsOf(design).filter((o) => !gone.has(o.id));
  if (objects.length > 0) return { ...design, objects };
  const { objects: _none, ...rest } = design;
  return rest;
}

/** Where views and materialized views are drawn: one edit for any number of them. */
export function moveObjects(design: Design, positions: Record<string, Position>): Design {
  const objects = objectsOf(design);
  let changed = false;
  const moved = objects.map((o) => {
    const p = positions[o.id];
    if (!p || !DRAWN_OBJECT_KINDS.has(o.kind)) return o;
    const position = { x: Math.round(p.x), y: Math.round(p.y) };
    if (o.position?.x === position.x && o.position.y === position.y) return o;
    changed = true;
    return { ...o, position };
  });
  return changed ? { ...design, objects: moved } : design;
}

/** Drops a table's own objects (triggers, policies, row-level security) with the table. */
export function withoutTableObjects(design: Design, tableIds: ReadonlySet<string>): Design {
  const objects = objectsOf(design);
  if (!objects.some((o) => o.table !== null && tableIds.has(o.table))) return design;
  const kept = objects.filter((o) => o.table === null || !tableIds.has(o.table));
  if (kept.length > 0) return { ...design, objects: kept };
  const { objects: _none, ...rest } = design;
  return rest;
}

/**
 * Turns a table's row-level security on or off, and forcing it (on the owner too): the
 * `row_security` and `force_row_security` objects, written as import reads them back. Forcing
 * needs it enabled, so enabling off takes forcing off too; forcing on enables it.
 */
export function setRowSecurity(
  design: Design,
  tableId: string,
  setting: { enabled: boolean; forced: boolean },
): Design {
  const table = design.tables.find((t) => t.id === tableId);
  if (!table) return design;
  const forced = setting.forced;
  const enabled = setting.enabled || forced;
  const schema = table.schema ?? DEFAULT_SCHEMA;
  const target = `${quoteIdentifier(schema)}.${quoteIdentifier(table.name)}`;
  let next = design;
  const kinds = [
    ['row_security', enabled, 'ENABLE'],
    ['force_row_security', forced, 'FORCE'],
  ] as const;
  for (const [kind, on, verb] of kinds) {
    const existing = objectsOf(next).find((o) => o.kind === kind && o.table === tableId);
    if (on && !existing) {
      const taken = new Set([...designIds(next), ...objectsOf(next).map((o) => o.id)]);
      next = putObject(next, {
        id: newId('o', taken),
        kind,
        schema,
        name: table.name,
        table: tableId,
        definition: `ALTER TABLE ${target} ${verb} ROW LEVEL SECURITY;`,
        comment: null,
        dependsOn: [tableId],
      });
    } else if (!on && existing) {
      next = deleteObject(next, existing.id);
    }
  }
  return next;
}
