/**
 * Extensions, domains and composite types, compared by catalog name: created after the
 * schemas and enums they live in or name and before the columns that use them; changed in
 * place where Postgres can (`ALTER DOMAIN`, `ALTER TYPE ... ATTRIBUTE`); dropped once no
 * column uses them, extensions last. A domain given another base type, or a composite type
 * whose attributes cannot reach their new order by dropping and adding, is dropped and
 * created again (lint refuses that while columns use it).
 */
import type { CatalogCompositeType, CatalogDomain } from '../catalog/types';
import { sameJson } from '../same-json';
import { type UserType, userTypeCreationOrder } from '../user-types/catalog';
import type { PlanContext } from './context';

export function createExtensions(ctx: PlanContext): void {
  const before = new Map((ctx.catalogBefore.extensions ?? []).map((e) => [e.name, e]));
  for (const e of ctx.catalogAfter.extensions ?? []) {
    const was = before.get(e.name);
    if (was && was.schema !== e.schema) ctx.emit({ kind: 'drop_extension', extension: was });
    if (!was || was.schema !== e.schema) ctx.emit({ kind: 'create_extension', extension: e });
  }
}

export function dropExtensions(ctx: PlanContext): void {
  const after = new Set((ctx.catalogAfter.extensions ?? []).map((e) => e.name));
  for (const e of [...(ctx.catalogBefore.extensions ?? [])].reverse()) {
    if (!after.has(e.name)) ctx.emit({ kind: 'drop_extension', extension: e });
  }
}

/**
 * Whether ADD and DROP ATTRIBUTE reach `after`'s attribute order from `before`'s (an added
 * attribute goes last). A change is made in place only when this holds both ways, so its
 * reverse is exact too.
 */
export function compositeAlterable(
  before: CatalogCompositeType,
  after: CatalogCompositeType,
): boolean {
  const afterNames = after.attributes.map((a) => a.name);
  const beforeNames = new Set(before.attributes.map((a) => a.name));
  const kept = before.attributes.map((a) => a.name).filter((n) => afterNames.includes(n));
  const added = afterNames.filter((n) => !beforeNames.has(n));
  return sameJson([...kept, ...added], afterNames);
}

function domainAlterable(before: CatalogDomain, after: CatalogDomain): boolean {
  return before.type === after.type && before.collation === after.collation;
}

interface TypeChanges {
  /** Types that go, or come back another way, in creation order of `before`. */
  dropped: UserType[];
  recreated: Set<string>;
  created: UserType[];
  altered: { before: UserType; after: UserType }[];
}

function typeChanges(ctx: PlanContext): TypeChanges {
  const before = userTypeCreationOrder(
    ctx.catalogBefore.domains ?? [],
    ctx.catalogBefore.compositeTypes ?? [],
  );
  const after = userTypeCreationOrder(
    ctx.catalogAfter.domains ?? [],
    ctx.catalogAfter.compositeTypes ?? [],
  );
  const beforeByName = new Map(before.map((t) => [t.type.name, t]));
  const afterByName = new Map(after.map((t) => [t.type.name, t]));
  const recreated = new Set<string>();
  const altered: TypeChanges['altered'] = [];
  for (const a of after) {
    const b = beforeByName.get(a.type.name);
    if (!b || sameJson(a, b)) continue;
    const inPlace =
      a.kind === 'domain' && b.kind === 'domain'
        ? domainAlterable(b.type, a.type)
        : a.kind === 'composite' && b.kind === 'composite'
          ? compositeAlterable(b.type, a.type) && compositeAlterable(a.type, b.type)
          : false;
    if (inPlace) altered.push({ before: b, after: a });
    else recreated.add(a.type.name);
  }
  return {
    dropped: before.filter((t) => !afterByName.has(t.type.name) || recreated.has(t.type.name)),
    recreated,
    created: after.filter((t) => !beforeByName.has(t.type.name) || recreated.has(t.type.name)),
    altered,
  };
}

function dropOp(ctx: PlanContext, t: UserType): void {
  if (t.kind === 'domain') ctx.emit({ kind: 'drop_domain', domain: t.type });
  else ctx.emit({ kind: 'drop_composite_type', type: t.type });
}

function createOp(ctx: PlanContext, t: UserType): void {
  if (t.kind === 'domain') ctx.emit({ kind: 'create_domain', domain: t.type });
  else ctx.emit({ kind: 'create_composite_type', type: t.type });
}

/**
 * Types recreated step aside first (dropped, last created first), then the new ones are
 * created in dependency order and the changed ones altered. Run after the enums are
 * created, before columns change.
 */
export function createUserTypes(ctx: PlanContext): void {
  const changes = typeChanges(ctx);
  for (const t of [...changes.dropped].reverse()) {
    if (changes.recreated.has(t.type.name)) dropOp(ctx, t);
  }
  for (const t of changes.created) createOp(ctx, t);
  for (const { before, after } of changes.altered) {
    if (before.kind === 'domain' && after.kind === 'domain') {
      ctx.emit({ kind: 'alter_domain', before: before.type, after: after.type });
    } else if (before.kind === 'composite' && after.kind === 'composite') {
      ctx.emit({ kind: 'alter_composite_type', before: before.type, after: after.type });
    }
  }
}

/** Types that go, once no column uses them; before the enums they may name go. */
export function dropUserTypes(ctx: PlanContext): void {
  const changes = typeChanges(ctx);
  for (const t of [...changes.dropped].reverse()) {
    if (!changes.recreated.has(t.type.name)) dropOp(ctx, t);
  }
}
