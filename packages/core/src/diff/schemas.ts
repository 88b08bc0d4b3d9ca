/**
 * Schemas other than public: created first when the design puts its first table or enum in
 * one, dropped last when its last one goes. The design names no schema of its own; a schema
 * is there because something lives in it. Its comment is set right after it is created and
 * cleared right before it is dropped, so the reverse of a drop gives the comment back.
 */
import type { PlanContext } from './context';

const commentOf = (comments: Record<string, string> | undefined, schema: string) =>
  comments?.[schema] ?? null;

export function createSchemas(ctx: PlanContext): void {
  const before = ctx.catalogBefore;
  const after = ctx.catalogAfter;
  const present = new Set(before.schemas ?? []);
  for (const schema of after.schemas ?? []) {
    const from = present.has(schema) ? commentOf(before.schemaComments, schema) : null;
    const to = commentOf(after.schemaComments, schema);
    if (!present.has(schema)) ctx.emit({ kind: 'create_schema', schema });
    if (from !== to) ctx.emit({ kind: 'set_schema_comment', schema, from, to });
  }
}

export function dropSchemas(ctx: PlanContext): void {
  const wanted = new Set(ctx.catalogAfter.schemas ?? []);
  for (const schema of [...(ctx.catalogBefore.schemas ?? [])].reverse()) {
    if (wanted.has(schema)) continue;
    const from = commentOf(ctx.catalogBefore.schemaComments, schema);
    if (from !== null) ctx.emit({ kind: 'set_schema_comment', schema, from, to: null });
    ctx.emit({ kind: 'drop_schema', schema });
  }
}
