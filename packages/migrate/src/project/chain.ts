/**
 * A chain is exactly one line base -> head. Anything else (a missing parent, two heads, a
 * cycle, a misnamed file, a snapshot its operations do not produce, SQL that is not the
 * rendering of its operations) is reported naming the file, never guessed around.
 *
 * Hand-edited SQL is refused: the stored SQL is what runs, and the design after is what the
 * round trip and drift check trust, so the two must say the same. SQL of one's own goes in
 * an `execute` operation, which carries its own downgrade and is rendered as written.
 *
 * A `/2` file's design after is its parent's with the file's design change replayed; it must
 * hash to the stored `schemaHash`. Verifying a revision costs as much as the schema is large,
 * so it happens once: each verified revision is remembered by a key over its file's content
 * and its parent's key, and a chain whose keys are all known is only replayed, and only as
 * far as a command asks (the head's design, for most).
 */
import { createHash } from 'node:crypto';

import { renderMigrationSql } from '@retort/codegen';
import {
  applyOperations,
  catalogsEqual,
  type Design,
  parseDesign,
  RetortError,
  toCatalog,
} from '@retort/core';
import type { Revision } from '../contract';
import {
  applyDesignChange,
  applyDesignChanges,
  BASE_DESIGN,
  type DesignChange,
  designHash,
} from './design-change';
import { emptyDesignNamed } from './empty-design';
import type { StoredRevision } from './revision-file';

export interface RevisionFile {
  file: string;
  revision: StoredRevision;
  /** sha256 of the file's bytes. */
  contentHash: string;
}

export interface VerifiedChain {
  chain: Revision[];
  /** Per revision, base first: the key it is remembered as verified by. */
  keys: string[];
}

/** The key a revision is remembered by once verified: its content, after its parent's key. */
export function verifiedKey(parentKey: string | null, contentHash: string): string {
  return createHash('sha256')
    .update(`${parentKey ?? 'base'}:${contentHash}`)
    .digest('hex');
}

const broken = (message: string, file: string) =>
  new RetortError(message, 'broken_chain', { file });

export function verifyChain(
  files: readonly RevisionFile[],
  verified: ReadonlySet<string> = new Set(),
): VerifiedChain {
  const byId = new Map<string, RevisionFile>();
  for (const entry of files) {
    const { file, revision } = entry;
    const expectedPrefix = `${revision.id}_`;
    const name = file.slice(file.lastIndexOf('/') + 1);
    if (!name.startsWith(expectedPrefix)) {
      throw broken(
        `${file} holds revision ${revision.id}, but its name does not start with "${expectedPrefix}".`,
        file,
      );
    }
    const other = byId.get(revision.id);
    if (other)
      throw broken(`${file} and ${other.file} hold the same revision id ${revision.id}.`, file);
    byId.set(revision.id, entry);
  }
  const children = new Map<string | null, RevisionFile[]>();
  for (const entry of files) {
    const parent = entry.revision.parent;
    if (parent !== null && !byId.has(parent)) {
      throw broken(`${entry.file} names parent ${parent}, which is not in revisions/.`, entry.file);
    }
    const list = children.get(parent) ?? [];
    list.push(entry);
    children.set(parent, list);
  }
  for (const [parent, list] of children) {
    if (list.length > 1) {
      const names = list.map((e) => e.file).join(' and ');
      throw broken(
        parent === null
          ? `${names} both start the chain (no parent): there must be one base.`
          : `${names} both follow ${parent}: the chain has two heads.`,
        list[0]!.file,
      );
    }
  }
  const chain: Revision[] = [];
  const keys: string[] = [];
  const entries: RevisionFile[] = [];
  let next = children.get(null)?.[0];
  if (files.length > 0 && !next) {
    throw broken(
      `${files[0]!.file} is in a cycle: no revision in revisions/ starts the chain.`,
      files[0]!.file,
    );
  }
  const schemas = new ChainSchemas(entries);
  while (next) {
    const key = verifiedKey(keys.at(-1) ?? null, next.contentHash);
    const index = entries.length;
    entries.push(next);
    if (verified.has(key)) {
      chain.push(schemas.lazyRevision(index));
    } else {
      const revision = verifyRevision(next, index === 0 ? null : schemas.at(index - 1));
      schemas.remember(index, revision.schema);
      chain.push(revision);
    }
    keys.push(key);
    next = children.get(next.revision.id)?.[0];
  }
  if (chain.length !== files.length) {
    const seen = new Set(chain.map((r) => r.id));
    const stray = files.find((e) => !seen.has(e.revision.id))!;
    throw broken(
      `${stray.file} is in a cycle: it cannot be reached from the base revision.`,
      stray.file,
    );
  }
  return { chain, keys };
}

/**
 * The design after each revision of a verified chain, built when first asked for: a command
 * that reads the head's design replays the chain's changes once, and one that only lists
 * or applies revisions replays nothing, however long the history.
 */
class ChainSchemas {
  private readonly known = new Map<number, Design>();

  constructor(private readonly entries: readonly RevisionFile[]) {}

  remember(index: number, design: Design): void {
    this.known.set(index, design);
  }

  /** The design after revision `index`, from the nearest one known (or stored) before it. */
  at(index: number): Design {
    const found = this.known.get(index);
    if (found) return found;
    let from = index;
    while (from >= 0 && !this.known.has(from) && !isSnapshot(this.entries[from]!)) from--;
    let start: Design = BASE_DESIGN;
    if (from >= 0) {
      start = this.known.get(from) ?? parseDesign(snapshotOf(this.entries[from]!));
      this.known.set(from, start);
    }
    const changes = this.entries.slice(from + 1, index + 1).map((entry) => changeOf(entry));
    const design = applyDesignChanges(start, changes);
    this.known.set(index, design);
    return design;
  }

  /** The revision, its operations and SQL read from its file when first asked for. */
  lazyRevision(index: number): Revision {
    const stored = this.entries[index]!.revision;
    const { id, parent, message, createdAt, format } = stored;
    const revision = { format, id, parent, message, createdAt } as Revision;
    lazyField(revision, 'operations', () => stored.operations);
    lazyField(revision, 'sql', () => stored.sql);
    lazyField(revision, 'schema', () => this.at(index));
    return revision;
  }
}

/** A field computed when first read, and kept; a caller may still set its own value. */
function lazyField<K extends keyof Revision>(
  revision: Revision,
  key: K,
  compute: () => Revision[K],
): void {
  let own: { value: Revision[K] } | undefined;
  Object.defineProperty(revision, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      own ??= { value: compute() };
      return own.value;
    },
    set: (value: Revision[K]) => {
      own = { value };
    },
  });
}

const isSnapshot = (entry: RevisionFile) => entry.revision.format === 'retort.revision/1';

function snapshotOf({ revision }: RevisionFile): unknown {
  return revision.format === 'retort.revision/1' ? revision.schema : null;
}

function changeOf({ revision }: RevisionFile): DesignChange {
  return revision.format === 'retort.revision/1' ? {} : revision.designChange;
}

/** The revision with its design after: the snapshot, or the parent's with the change replayed. */
function replay({ revision: stored }: RevisionFile, before: Design | null): Revision {
  const { id, parent, message, createdAt, operations, sql } = stored;
  const schema =
    stored.format === 'retort.revision/1'
      ? parseDesign(stored.schema)
      : applyDesignChange(before ?? BASE_DESIGN, stored.designChange);
  return { format: stored.format, id, parent, message, createdAt, operations, sql, schema };
}

function verifyRevision(entry: RevisionFile, before: Design | null): Revision {
  const { file, revision: stored } = entry;
  let revision: Revision;
  let after: Design;
  try {
    revision = replay(entry, before);
    after = parseDesign(revision.schema);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw broken(`${file} has a schema snapshot that is not a valid design: ${why}`, file);
  }
  if (stored.format === 'retort.revision/1') revision.schema = after;
  else if (designHash(revision.schema) !== stored.schemaHash) {
    throw broken(
      `${file} was edited by hand: its design change does not produce its schemaHash.`,
      file,
    );
  }
  let produced: ReturnType<typeof applyOperations>;
  try {
    produced = applyOperations(
      toCatalog(before ?? emptyDesignNamed(after.name)),
      revision.operations,
    );
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw broken(
      `${file} was edited by hand: its operations do not apply to its parent's schema (${why}).`,
      file,
    );
  }
  if (!catalogsEqual(produced, toCatalog(after))) {
    throw broken(
      `${file} was edited by hand: its operations do not produce its schema snapshot.`,
      file,
    );
  }
  const rendered = renderMigrationSql(revision.operations);
  if (
    !sameList(rendered.upgrade, revision.sql.upgrade) ||
    !sameList(rendered.downgrade, revision.sql.downgrade)
  ) {
    throw broken(
      `${file} was edited by hand: its SQL is not the rendering of its operations (put hand-written SQL in an "execute" operation).`,
      file,
    );
  }
  return revision;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
