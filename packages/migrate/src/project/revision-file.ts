/** The `retort.revision/1` file: names, ids, slugs, reading and writing. */
import { RetortError } from '@retort/core';
import { REVISION_FORMAT, type Revision } from '../contract';

const ID = /^[0-9a-f]{12}$/;

/** A revision id, checked before it comes near a path. */
export function parseRevisionId(id: string): string {
  if (!ID.test(id)) {
    throw new RetortError(
      `"${id}" is not a revision id: ids are 12 lowercase hexadecimal characters.`,
      'invalid_input',
    );
  }
  return id;
}

/** Alembic's slug: the words joined by `_`, lower-cased; over 40 characters, cut at the last `_` and ended with one. */
export function slugFromMessage(message: string): string {
  const slug = (message.match(/[A-Za-z0-9]+/g) ?? []).join('_').toLowerCase();
  if (!slug) return 'revision';
  if (slug.length <= 40) return slug;
  const cut = slug.slice(0, 40);
  const last = cut.lastIndexOf('_');
  return `${last > 0 ? cut.slice(0, last) : cut}_`;
}

export function revisionFileName(revision: Pick<Revision, 'id' | 'message'>): string {
  return `${parseRevisionId(revision.id)}_${slugFromMessage(revision.message)}.json`;
}

/** Stable key order, so a revision file diffs cleanly in review. */
export function serializeRevision(revision: Revision): string {
  const ordered: Revision = {
    format: REVISION_FORMAT,
    id: revision.id,
    parent: revision.parent,
    message: revision.message,
    createdAt: revision.createdAt,
    operations: revision.operations,
    sql: { upgrade: revision.sql.upgrade, downgrade: revision.sql.downgrade },
    schema: revision.schema,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The shape of a revision file, or a `broken_chain` sentence naming it. */
export function parseRevisionFile(file: string, text: string): Revision {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RetortError(`${file} is not valid JSON.`, 'broken_chain', { file });
  }
  const fail = (what: string): never => {
    throw new RetortError(`${file} ${what}.`, 'broken_chain', { file });
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    fail('is not a revision object');
  const r = value as Record<string, unknown>;
  if (r.format !== REVISION_FORMAT)
    fail(`has format ${JSON.stringify(r.format)}; Retort reads "${REVISION_FORMAT}"`);
  if (typeof r.id !== 'string' || !ID.test(r.id))
    fail('has an id that is not 12 lowercase hexadecimal characters');
  if (r.parent !== null && (typeof r.parent !== 'string' || !ID.test(r.parent))) {
    fail('has a parent that is neither null nor a revision id');
  }
  if (typeof r.message !== 'string') fail('has no message');
  if (typeof r.createdAt !== 'string') fail('has no createdAt');
  if (!Array.isArray(r.operations)) fail('has no operations list');
  const sql = r.sql as { upgrade?: unknown; downgrade?: unknown } | undefined;
  const isList = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (!sql || !isList(sql.upgrade) || !isList(sql.downgrade))
    fail('has no sql.upgrade and sql.downgrade lists');
  if (r.schema === null || typeof r.schema !== 'object') fail('has no schema snapshot');
  return value as Revision;
}
