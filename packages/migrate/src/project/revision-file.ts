/**
 * Revision files: names, ids, reading and writing. Retort writes `retort.revision/2` (the
 * change: operations, their SQL, how the drawing changed and the hash of the design after)
 * and still reads `retort.revision/1` (the same with a full snapshot of the design after).
 */
import { alembicSlug, RetortError } from '@retort/core';
import { REVISION_FORMAT, type Revision } from '../contract';
import type { DesignChange } from './design-change';

const ID = /^[0-9a-f]{12}$/;
const HASH = /^[0-9a-f]{64}$/;
const SNAPSHOT_FORMAT = 'retort.revision/1';

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

/** A revision as its file holds it: the design after is a snapshot (/1) or a change (/2). */
export type StoredRevision = Omit<Revision, 'schema'> &
  (
    | { format: typeof SNAPSHOT_FORMAT; schema: unknown }
    | { format: typeof REVISION_FORMAT; schemaHash: string; designChange: DesignChange }
  );

/** Stable key order, so a revision file diffs cleanly in review. */
export function serializeRevision(
  revision: Omit<Revision, 'schema' | 'format'>,
  designChange: DesignChange,
  schemaHash: string,
): string {
  const ordered = {
    format: REVISION_FORMAT,
    id: revision.id,
    parent: revision.parent,
    message: revision.message,
    createdAt: revision.createdAt,
    operations: revision.operations,
    sql: { upgrade: revision.sql.upgrade, downgrade: revision.sql.downgrade },
    schemaHash,
    designChange,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The shape of a revision file, or a `broken_chain` sentence naming it. */
export function parseRevisionFile(file: string, text: string): StoredRevision {
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
  if (r.format !== REVISION_FORMAT && r.format !== SNAPSHOT_FORMAT)
    fail(
      `has format ${JSON.stringify(r.format)}; Retort reads "${REVISION_FORMAT}" and "${SNAPSHOT_FORMAT}"`,
    );
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
  if (r.format === SNAPSHOT_FORMAT) {
    if (r.schema === null || typeof r.schema !== 'object') fail('has no schema snapshot');
  } else {
    if (typeof r.schemaHash !== 'string' || !HASH.test(r.schemaHash))
      fail('has no schemaHash (64 lowercase hexadecimal characters)');
    if (!isChange(r.designChange)) fail('has no designChange object of tables and enums');
  }
  return value as StoredRevision;
}

function isChange(value: unknown): value is DesignChange {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const c = value as Record<string, unknown>;
  const optionalList = (key: string, item: (x: unknown) => boolean) =>
    c[key] === undefined || (Array.isArray(c[key]) && (c[key] as unknown[]).every(item));
  const isObject = (x: unknown) => x !== null && typeof x === 'object' && !Array.isArray(x);
  const isString = (x: unknown) => typeof x === 'string';
  const withId = (x: unknown) => isObject(x) && typeof (x as { id?: unknown }).id === 'string';
  return (
    (c.fields === undefined || isObject(c.fields)) &&
    (c.layout === undefined || isObject(c.layout)) &&
    optionalList('removedFields', isString) &&
    optionalList('tables', withId) &&
    optionalList('removedTables', isString) &&
    optionalList('tableOrder', isString) &&
    optionalList('enums', withId) &&
    optionalList('removedEnums', isString) &&
    optionalList('enumOrder', isString)
  );
}

/**
 * The start of a file as Retort writes it (serializeRevision): the fields that place a
 * revision in its chain, before its operations.
 */
const WRITTEN_HEAD =
  /^\{\n {2}"format": "retort\.revision\/2",\n {2}"id": "([0-9a-f]{12})",\n {2}"parent": (null|"[0-9a-f]{12}"),\n {2}"message": ("(?:[^"\\\n]|\\.)*"),\n {2}"createdAt": ("(?:[^"\\\n]|\\.)*"),\n {2}"operations": /;

/** Where the head of a written file ends, at the latest: a long message, escaped. */
const HEAD_BYTES = 64 * 1024;

/**
 * A revision file read as `parseRevisionFile` reads it, but parsed whole only when its
 * operations, SQL or design change are first asked for: most commands place every revision
 * in the chain but read the body of a few (a command on a large design would otherwise parse
 * its first revision, megabytes long, every time). A file not laid out as Retort writes it
 * is parsed at once. Parsed whole, the file must say what its head said.
 */
export function readRevisionFile(file: string, bytes: Buffer): StoredRevision {
  const match = WRITTEN_HEAD.exec(bytes.subarray(0, HEAD_BYTES).toString('utf8'));
  if (!match) return parseRevisionFile(file, bytes.toString('utf8'));
  const head = {
    format: REVISION_FORMAT,
    id: match[1]!,
    parent: JSON.parse(match[2]!) as string | null,
    message: JSON.parse(match[3]!) as string,
    createdAt: JSON.parse(match[4]!) as string,
  };
  let whole: StoredRevision | undefined;
  const parsed = (): StoredRevision => {
    if (whole) return whole;
    const value = parseRevisionFile(file, bytes.toString('utf8'));
    for (const key of Object.keys(head) as (keyof typeof head)[]) {
      if (value[key] !== head[key]) {
        throw new RetortError(`${file} says its ${key} twice.`, 'broken_chain', { file });
      }
    }
    whole = value;
    return whole;
  };
  const revision = { ...head } as StoredRevision;
  for (const key of ['operations', 'sql', 'schemaHash', 'designChange'] as const) {
    Object.defineProperty(revision, key, {
      enumerable: true,
      configurable: true,
      get: () => (parsed() as Record<string, unknown>)[key],
    });
  }
  return revision;
}
