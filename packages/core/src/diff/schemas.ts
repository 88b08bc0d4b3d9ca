/**
 * Schemas other than public: created first when the design puts its first table or enum in
 * one, dropped last when its last one goes. The design names no schema of its own; a schema
 * is there because something lives in it.
 */
import type { PlanContext } from './context';

export function createSchemas(ctx: PlanContext): void {
  const present = new Set(ctx.catalogBefore.schemas ?? []);
  for (const schema of ctx.catalogAfter.schemas ?? []) {
    if (!present.has(schema)) ctx.emit({ kind: 'create_schema', schema });
  }
}

export function dropSchemas(ctx: PlanContext): void {
  const wanted = new Set(ctx.catalogAfter.schemas ?? []);
  for (const schema of [...(ctx.catalogBefore.schemas ?? [])].reverse()) {
    if (!wanted.has(schema)) ctx.emit({ kind: 'drop_schema', schema });
  }
}
