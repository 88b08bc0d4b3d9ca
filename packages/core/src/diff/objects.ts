/**
 * Objects in the plan (see `objects/`): matched by id, they are dropped at the start of a
 * revision and created at its end, so each meets the tables as it needs them.
 *
 *  - An object that goes is dropped first, its dependents before it.
 *  - An object whose definition changes is changed in place where Postgres can
 *    (`replace_object`), otherwise dropped first and created at the end.
 *  - Postgres refuses to change or drop a column a view, policy or trigger uses, or to
 *    rename what they name: every object that depends on a table whose columns change type,
 *    are dropped or renamed, or that is renamed, is dropped first and created again at the
 *    end (`around` names those tables), and so is every object that depends on one of them,
 *    transitively (a view over that view).
 *  - A new function that depends on no table or other object is created right after the
 *    drops, before the tables, so a default or check can call it; one that goes is dropped
 *    after the tables, once nothing uses it.
 */

import { qualifiedName } from '../naming/qualified-names';
import { comparableDefinition, creationOrder } from '../objects/catalog';
import { replaceableInPlace } from '../objects/plan-sql';
import type { CatalogObject } from '../objects/types';
import { objectKey } from '../objects/types';
import { objectsOf } from '../objects/validate';
import { sameJson } from '../same-json';
import type { PlanContext } from './context';

export interface ObjectPlan {
  /** Dropped at the start, dependents first. */
  early: CatalogObject[];
  /** New independent functions, created right after. */
  earlyCreate: CatalogObject[];
  /** Independent functions that go, dropped after the tables. */
  lateDrop: CatalogObject[];
  /** Created or replaced at the end, in dependency order. */
  late: (
    | { create: CatalogObject }
    | { replace: { before: CatalogObject; after: CatalogObject } }
  )[];
  /** For each object dropped and created again because of its tables: their names. */
  around: Map<string, string[]>;
}

/** Catalog objects by design id, for one side of the plan. */
function catalogById(ctx: PlanContext, side: 'before' | 'after'): Map<string, CatalogObject> {
  const design = ctx[side];
  const catalog = side === 'before' ? ctx.catalogBefore : ctx.catalogAfter;
  const byKey = new Map((catalog.objects ?? []).map((o) => [objectKey(o), o]));
  const tables = new Map(design.tables.map((t) => [t.id, t.name]));
  const designObjects = objectsOf(design);
  const names = new Map(designObjects.map((o) => [o.id, o.name]));
  const out = new Map<string, CatalogObject>();
  for (const o of designObjects) {
    const table = o.table === null ? null : (tables.get(o.table) ?? names.get(o.table) ?? o.table);
    const found = byKey.get(objectKey({ kind: o.kind, schema: o.schema, name: o.name, table }));
    if (found) out.set(o.id, found);
  }
  return out;
}

/** Tables (by their name before) whose change Postgres refuses under a dependent object. */
function changedTables(ctx: PlanContext): Set<string> {
  const changed = new Set<string>();
  const enumsAfter = new Map(ctx.after.enums.map((e) => [e.id, e]));
  const changedEnums = new Set(
    ctx.before.enums.filter((e) => !sameJson(enumsAfter.get(e.id), e)).map((e) => e.name),
  );
  for (const p of ctx.pairs) {
    if (p.before.name !== p.after.name) changed.add(p.before.name);
    const renames = ctx.columnRenames.get(p.before.name);
    const after = new Map(p.after.columns.map((c) => [c.name, c]));
    for (const c of p.before.columns) {
      const to = renames?.get(c.name);
      const now = to === undefined ? undefined : after.get(to);
      const enumName = c.type.replace(/\[\]$/, '');
      if (
        now === undefined ||
        to !== c.name ||
        now.type !== c.type ||
        now.collation !== c.collation ||
        now.generated !== c.generated ||
        changedEnums.has(enumName)
      ) {
        changed.add(p.before.name);
      }
    }
  }
  for (const t of ctx.dropping.tables) {
    if (t.kind === 'create_table') changed.add(t.table.name);
  }
  return changed;
}

export function planObjects(ctx: PlanContext): ObjectPlan {
  const before = catalogById(ctx, 'before');
  const after = catalogById(ctx, 'after');
  const plan: ObjectPlan = {
    early: [],
    earlyCreate: [],
    lateDrop: [],
    late: [],
    around: new Map(),
  };
  if (before.size === 0 && after.size === 0) return plan;
  const tables = changedTables(ctx);
  const keyToId = new Map([...before].map(([id, o]) => [objectKey(o), id]));
  /** Ids (before) to drop at the start. */
  const drop = new Set<string>();
  const around = new Map<string, Set<string>>();
  const replaced = new Map<string, { before: CatalogObject; after: CatalogObject }>();
  const dependedOn = new Set([...before.values()].flatMap((o) => o.dependsOn));
  const dependedOnAfter = new Set([...after.values()].flatMap((o) => o.dependsOn));
  for (const [id, o] of before) {
    const next = after.get(id);
    const onTables = [
      ...o.dependsOn.filter((d) => d.startsWith('table:')).map((d) => d.slice('table:'.length)),
      ...(o.table !== null ? [qualifiedName(o.schema, o.table)] : []),
    ].filter((t) => tables.has(t));
    if (next === undefined) {
      if (!independentFunction(o)) drop.add(id);
    } else if (onTables.length > 0) {
      drop.add(id);
      around.set(id, new Set(onTables));
    } else if (!sameObject(o, next)) {
      const dependents = dependedOn.has(objectKey(o)) || dependedOnAfter.has(objectKey(next));
      if (replaceableInPlace(o, next, { dependents })) replaced.set(id, { before: o, after: next });
      else drop.add(id);
    }
  }
  // Whatever depends on an object that is dropped goes with it, and comes back if it stays.
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, o] of before) {
      if (drop.has(id)) continue;
      const cause = o.dependsOn
        .map((d) => keyToId.get(d))
        .find((d) => d !== undefined && (drop.has(d) || (!after.has(d) && d !== id)));
      if (cause === undefined) continue;
      drop.add(id);
      replaced.delete(id);
      const inherited = around.get(cause);
      if (inherited) around.set(id, new Set(inherited));
      grew = true;
    }
  }
  const dropOrder = creationOrder([...before].filter(([id]) => drop.has(id)).map(([, o]) => o));
  plan.early = dropOrder.reverse();
  for (const [id, o] of before) {
    if (!after.has(id) && !drop.has(id)) plan.lateDrop.push(o);
  }
  plan.lateDrop = creationOrder(plan.lateDrop).reverse();
  const idOfAfter = new Map([...after].map(([id, o]) => [objectKey(o), id]));
  for (const o of creationOrder([...after.values()])) {
    const id = idOfAfter.get(objectKey(o))!;
    if (!before.has(id)) {
      if (independentFunction(o)) plan.earlyCreate.push(o);
      else plan.late.push({ create: o });
    } else if (drop.has(id)) {
      plan.late.push({ create: o });
      const tablesAround = around.get(id);
      if (tablesAround) plan.around.set(objectKey(o), [...tablesAround].sort());
    } else if (replaced.has(id)) {
      plan.late.push({ replace: replaced.get(id)! });
    }
  }
  for (const o of plan.early) {
    const id = keyToId.get(objectKey(o))!;
    const tablesAround = around.get(id);
    if (tablesAround && after.has(id)) plan.around.set(objectKey(o), [...tablesAround].sort());
  }
  return plan;
}

function sameObject(a: CatalogObject, b: CatalogObject): boolean {
  return (
    objectKey(a) === objectKey(b) &&
    comparableDefinition(a.definition) === comparableDefinition(b.definition) &&
    a.comment === b.comment
  );
}

/** A function or procedure that needs no table or other object of the schema. */
function independentFunction(o: CatalogObject): boolean {
  return (o.kind === 'function' || o.kind === 'procedure') && o.dependsOn.length === 0;
}

/** Emits the drops of the start (call first). */
export function dropObjects(ctx: PlanContext, plan: ObjectPlan): void {
  for (const o of plan.early) {
    const tables = plan.around.get(objectKey(o));
    ctx.emit({ kind: 'drop_object', object: o, ...(tables ? { around: tables } : {}) });
  }
  for (const o of plan.earlyCreate) ctx.emit({ kind: 'create_object', object: o });
}

/** Emits the creates and replaces of the end (call last). */
export function createObjects(ctx: PlanContext, plan: ObjectPlan): void {
  for (const o of plan.lateDrop) ctx.emit({ kind: 'drop_object', object: o });
  for (const step of plan.late) {
    if ('replace' in step) {
      ctx.emit({ kind: 'replace_object', ...step.replace });
      continue;
    }
    const tables = plan.around.get(objectKey(step.create));
    ctx.emit({ kind: 'create_object', object: step.create, ...(tables ? { around: tables } : {}) });
  }
}
