/**
 * Enums: renamed, their values changed (in place or by recreating the type), created and
 * dropped. Matched by id (match.ts); the columns that use them change in columns.ts.
 */

import type { CatalogEnum } from '../catalog/types';
import type { Design, EnumType } from '../design/types';
import { DEFAULT_SCHEMA, objectQualifiedName, qualifiedName } from '../naming/qualified-names';
import { detectEnumRenames, enumChange } from '../operations/enum-change';
import { sameJson } from '../same-json';
import type { PlanContext } from './context';
import { scheduleRenames, temporaryName } from './renames';

/** The enum a column type names, array or not. */
export function enumOf(type: string): string {
  return type.endsWith('[]') ? type.slice(0, -2) : type;
}

/** Names (before) of the enums recreated going from `a` to `b` or back. */
export function enumsRecreatedBefore(a: Design, b: Design): Set<string> {
  return new Set(
    a.enums
      .filter((e) => {
        const after = b.enums.find((x) => x.id === e.id);
        if (!after || sameJson(after.values, e.values)) return false;
        const renames = detectEnumRenames(e.values, after.values);
        return enumChange({ before: e.values, after: after.values, renames }).kind !== 'rename';
      })
      .map(objectQualifiedName),
  );
}

/** Enums that change schema move first, keeping their name; renames follow in the new schema. */
export function moveEnums(ctx: PlanContext): void {
  for (const e of ctx.enums.kept) {
    const from = e.schema ?? DEFAULT_SCHEMA;
    const to = ctx.enums.afterById.get(e.id)!.schema ?? DEFAULT_SCHEMA;
    if (from !== to) ctx.emit({ kind: 'set_enum_schema', name: e.name, from, to });
  }
}

export function renameEnums(ctx: PlanContext): void {
  const { state, enums } = ctx;
  const enumTargets = new Set(ctx.after.enums.map(objectQualifiedName));
  const enumNamesNow = new Set(state.catalog.enums.map((e) => e.name));
  const reservedTypes = new Set([...enumTargets, ...enumNamesNow]);
  for (const e of enums.dropped) {
    // An enum that goes but whose name is wanted steps aside until it is dropped.
    if (!enumTargets.has(objectQualifiedName(e))) continue;
    const temp = qualifiedName(
      e.schema,
      temporaryName(e.name, (n) => reservedTypes.has(qualifiedName(e.schema, n))),
    );
    reservedTypes.add(temp);
    ctx.emit({ kind: 'rename_enum', from: objectQualifiedName(e), to: temp });
    enums.droppedName.set(e.id, temp);
  }
  // Moved already: the rename happens in the enum's new schema.
  const enumRenames = enums.kept.map((e) => {
    const after = enums.afterById.get(e.id)!;
    return { from: qualifiedName(after.schema, e.name), to: objectQualifiedName(after) };
  });
  const presentEnums = new Set(state.catalog.enums.map((e) => e.name));
  for (const r of scheduleRenames(enumRenames, presentEnums, reservedTypes)) {
    ctx.emit({ kind: 'rename_enum', ...r });
  }
}

export interface EnumValueChange {
  before: EnumType;
  after: EnumType;
}

export function changedEnums(ctx: PlanContext): EnumValueChange[] {
  return ctx.enums.kept
    .map((e) => ({ before: e, after: ctx.enums.afterById.get(e.id)! }))
    .filter(({ before, after }) => !sameJson(before.values, after.values));
}

/** Names (after) of the changed enums that are dropped and created again. */
export function recreatedEnums(changed: readonly EnumValueChange[]): Set<string> {
  return new Set(
    changed
      .filter(({ before, after }) => {
        const renames = detectEnumRenames(before.values, after.values);
        return (
          enumChange({ before: before.values, after: after.values, renames }).kind === 'recreate'
        );
      })
      .map(({ after }) => objectQualifiedName(after)),
  );
}

export function alterEnums(ctx: PlanContext, changed: readonly EnumValueChange[]): void {
  for (const { before, after } of changed) {
    ctx.emit({
      kind: 'alter_enum',
      name: objectQualifiedName(after),
      before: [...before.values],
      after: [...after.values],
      renames: detectEnumRenames(before.values, after.values),
      usages: ctx.state.usages(objectQualifiedName(after)),
    });
  }
}

export function createEnums(ctx: PlanContext): void {
  for (const e of ctx.enums.created) {
    const created: CatalogEnum = { name: objectQualifiedName(e), values: [...e.values] };
    ctx.emit({ kind: 'create_enum', enum: created });
  }
}

export function dropEnums(ctx: PlanContext): void {
  for (const e of ctx.enums.dropped) {
    const name = ctx.enums.droppedName.get(e.id)!;
    ctx.emit({ kind: 'drop_enum', enum: { name, values: [...e.values] } });
  }
}
