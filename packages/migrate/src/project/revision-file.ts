/** The `retort.revision/1` file: names, ids, reading and writing. */
import { alembicSlug, RetortError } from '@retort/core';
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

/** `<id>_<slug>.json`, with the slug of the `versions/<id>_<slug>.py` Alembic would write. */
export function revisionFileName(revision: Pick<Revision, 'id' | 'message'>): string {
  return `${parseRevisionId(revision.id)}_${alembicSlug(revision.message)}.json`;
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
