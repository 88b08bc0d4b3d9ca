/** The project folder: `design.json` (optimistic versions) and `revisions/` (the chain). */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { alembicRevisionFile, renderMigrationSql } from '@retort/codegen';
import {
  adoptDesignCatalog,
  catalogObjects,
  type Design,
  designCatalog,
  diff,
  type LintFinding,
  lintOperations,
  loadExpressionParser,
  type Operation,
  parseDesign,
  RetortError,
  revisionSnapshot,
} from '@retort/core';
import { type DesignState, type Project, REVISION_FORMAT, type Revision } from '../contract';
import { removeLeftoverTemps, writeFileAtomic } from './atomic-write';
import { type RevisionFile, type VerifiedChain, verifiedKey, verifyChain } from './chain';
import { adoptDesignHash, BASE_DESIGN, designChange, designHash } from './design-change';
import { emptyDesignNamed } from './empty-design';
import { type HeadState, readHeadState, writeHeadState } from './head-state-cache';
import { RUNNING_BUILD } from './keyed-cache';
import { ifProjectUnlocked, withProjectLock } from './project-lock';
import { readWholeFile } from './read-whole-file';
import { readRevisionFile, revisionFileName, serializeRevision } from './revision-file';
import {
  readValidatedDesign,
  type ValidatedDesign,
  validatedDesignSlot,
  writeValidatedDesign,
} from './validated-design-cache';
import { readVerified, writeVerified } from './verified-cache';

export const emptyDesign = emptyDesignNamed;

/** The version of a design.json that does not exist yet. */
const MISSING = 'none';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A design.json's version: the start of the sha256 of its bytes. */
const versionOf = (bytes: Buffer | string) => sha256(bytes).slice(0, 16);

/** A written revision: what it holds, the file it went to, and the lint of its operations. */
export interface WrittenRevision {
  revision: Revision;
  /** `revisions/<id>_<slug>.json`. */
  file: string;
  lint: LintFinding[];
}

/** A project with what the CLI needs beyond the shared contract. */
export interface ProjectStore extends Project {
  /** Like `createRevision`, diffing once, and saying which file it wrote. */
  writeNextRevision(message: string): Promise<WrittenRevision | null>;
}

export interface OpenOptions {
  /**
   * The build whose validations `.retort/` may remember and reuse; by default the running
   * build of Retort, none when it runs from source.
   */
  build?: string | null;
}

export async function openProject(
  dir: string,
  { build = RUNNING_BUILD }: OpenOptions = {},
): Promise<ProjectStore> {
  // Every read of a design validates its expressions with Postgres' parser; a library caller
  // need not know to load it first. Reads await it just before they parse, so it loads while
  // the files are read.
  const parser = loadExpressionParser();
  parser.catch(() => {});
  const root = resolve(dir);
  const validated = validatedDesignSlot(root, build);
  const designPath = join(root, 'design.json');
  const revisionsDir = join(root, 'revisions');
  // Saves and new revisions are read-check-write: one at a time within the process, and
  // under the folder's lock across processes.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const locked = () => withProjectLock(root, fn);
    const run = queue.then(locked, locked);
    queue = run.catch(() => {});
    return run;
  };

  // A kill during a write leaves temporary files; no live writer owns them while we hold the lock.
  await ifProjectUnlocked(root, async () => {
    await removeLeftoverTemps(root);
    await removeLeftoverTemps(revisionsDir);
  });

  const readBytes = async (): Promise<Buffer | null> => {
    try {
      return await readWholeFile(designPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };

  /**
   * The design read last from design.json, with the sha256 of the bytes it came from, and
   * whether the validated design's cache holds it yet.
   */
  let lastValidated: ({ source: string; cached: boolean } & ValidatedDesign) | null = null;

  /**
   * design.json, validated (or as validated before). `deferCache`: the caller keeps the
   * validated design itself (`keepValidated`), once it knows whether it has its hash too,
   * so that the cache is written once.
   */
  const readDesign = async ({ deferCache = false } = {}): Promise<DesignState> => {
    const bytes = await readBytes();
    if (bytes === null) {
      throw new RetortError(`There is no design.json in ${root}.`, 'not_found');
    }
    const source = sha256(bytes);
    const version = source.slice(0, 16);
    const remembered = await readValidatedDesign(validated, source);
    // Even a design validated before may hold expressions later steps spell with the parser.
    await parser;
    if (remembered) {
      if (remembered.hash !== undefined) adoptDesignHash(remembered.design, remembered.hash);
      lastValidated = { source, cached: true, ...remembered };
      return { design: remembered.design, version };
    }
    const design = parseDesign(bytes.toString('utf8'));
    lastValidated = { source, cached: false, design };
    if (!deferCache) await keepValidated(design);
    return { design, version };
  };

  /** Writes the validated design's cache, with its hash once a revision has needed it. */
  const keepValidated = async (design: Design, hash?: string) => {
    const known = lastValidated;
    if (known?.design !== design) return;
    const newHash = hash !== undefined && known.hash === undefined;
    if (known.cached && !newHash) return;
    if (newHash) known.hash = hash;
    known.cached = true;
    await writeValidatedDesign(validated, known.source, {
      design,
      ...(known.hash === undefined ? {} : { hash: known.hash }),
    });
  };

  // The verified chain, reused while the folder's listing (names, sizes, times) is the same.
  let known: { listing: string; verified: VerifiedChain } | null = null;

  const verifiedChain = async (): Promise<VerifiedChain> => {
    let names: string[];
    try {
      names = await readdir(revisionsDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { chain: [], keys: [] };
      throw error;
    }
    names = names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
    const stats = await Promise.all(names.map((name) => stat(join(revisionsDir, name))));
    const listing = names
      .map((name, i) => `${name}:${stats[i]!.size}:${stats[i]!.mtimeMs}:${stats[i]!.ino}`)
      .join('/');
    if (known?.listing === listing) return known.verified;
    const contents = await Promise.all(
      names.map((name) => readWholeFile(join(revisionsDir, name))),
    );
    await parser;
    const files: RevisionFile[] = [];
    for (const [i, name] of names.entries()) {
      const file = `revisions/${name}`;
      const bytes = contents[i]!;
      files.push({
        file,
        revision: readRevisionFile(file, bytes),
        contentHash: createHash('sha256').update(bytes).digest('hex'),
      });
    }
    const remembered = await readVerified(root);
    const verified = verifyChain(files, remembered);
    if (verified.keys.some((key) => !remembered.has(key))) await writeVerified(root, verified.keys);
    known = { listing, verified };
    return verified;
  };

  const revisions = async (): Promise<Revision[]> => [...(await verifiedChain()).chain];

  /**
   * The head's design, with its catalog already known when this chain was diffed against
   * before; `remember` keeps it for the next command once the catalog has been built.
   */
  // A server diffs against the same head many times: the head state read last is kept.
  let knownHead: { key: string; design: Design } | null = null;

  const headOf = async ({ chain, keys }: VerifiedChain) => {
    const head = chain.at(-1) ?? null;
    const key = keys.at(-1);
    const none = async () => {};
    if (!head || key === undefined) return { head, design: null, remember: none };
    if (knownHead?.key === key) return { head, design: knownHead.design, remember: none };
    const cached = await readHeadState(root, build, key);
    if (cached) {
      adoptDesignCatalog(cached.design, cached.catalog);
      knownHead = { key, design: cached.design };
      return { head, design: cached.design, remember: none };
    }
    const design = head.schema;
    knownHead = { key, design };
    const state = (): HeadState => ({ design, catalog: designCatalog(design) });
    return { head, design, remember: () => writeHeadState(root, build, key, state()) };
  };

  const pendingFrom = (design: Design, head: Revision | null, headDesign: Design | null) => {
    const operations = diff(headDesign ?? emptyDesignNamed(design.name), design);
    return {
      parent: head?.id ?? null,
      operations,
      lint: lintOperations(operations, () => designCatalog(design), {
        objects: headDesign ? catalogObjects(headDesign) : undefined,
      }),
      sql: renderMigrationSql(operations),
    };
  };

  /** The Alembic file the pending operations would become (only `pending` shows it). */
  const alembicPreview = (
    design: Design,
    head: Revision | null,
    headDesign: Design | null,
    operations: Operation[],
  ) => {
    if (operations.length === 0) return '';
    const preview = {
      id: '000000000000',
      parent: head?.id ?? null,
      message: 'pending changes',
      createdAt: new Date().toISOString(),
      operations,
      schema: design,
    };
    return alembicRevisionFile(preview, headDesign).text;
  };

  return {
    dir: root,
    readDesign,
    saveDesign: (input, expectedVersion) =>
      serial(async () => {
        await parser;
        const design = parseDesign(input);
        const bytes = await readBytes();
        const current = bytes === null ? MISSING : versionOf(bytes);
        if (current !== expectedVersion) {
          throw new RetortError(
            'design.json changed since it was read; reload it and apply the change again.',
            'conflict',
            { version: current },
          );
        }
        const text = `${JSON.stringify(design, null, 2)}\n`;
        await mkdir(root, { recursive: true });
        await writeFileAtomic(designPath, text);
        const source = sha256(text);
        // The editor saves and a command follows: the next read need not validate again.
        lastValidated = { source, cached: false, design };
        await keepValidated(design);
        return { design, version: source.slice(0, 16) };
      }),
    revisions,
    async pending() {
      const [{ design }, verified] = await Promise.all([readDesign(), verifiedChain()]);
      const { head, design: headDesign, remember } = await headOf(verified);
      const { parent: _parent, ...pending } = pendingFrom(design, head, headDesign);
      await remember();
      return { ...pending, alembic: alembicPreview(design, head, headDesign, pending.operations) };
    },
    createRevision: async (message) => (await writeNextRevision(message))?.revision ?? null,
    writeNextRevision,
  };

  function writeNextRevision(message: string): Promise<WrittenRevision | null> {
    return serial(async () => {
      const text = message.trim();
      if (!text) throw new RetortError('A revision needs a message (-m "...").', 'invalid_input');
      const [{ design }, verified] = await Promise.all([
        readDesign({ deferCache: true }),
        verifiedChain(),
      ]);
      const { chain, keys } = verified;
      const { design: headDesign, remember } = await headOf(verified);
      const pending = pendingFrom(design, chain.at(-1) ?? null, headDesign);
      // Kept even when a revision follows: removing that revision leads back to this head.
      await remember();
      if (pending.operations.length === 0) {
        await keepValidated(design);
        return null;
      }
      const taken = new Set(chain.map((r) => r.id));
      let id = randomBytes(6).toString('hex');
      while (taken.has(id)) id = randomBytes(6).toString('hex');
      const revision: Revision = {
        format: REVISION_FORMAT,
        id,
        parent: pending.parent,
        message: text,
        createdAt: new Date().toISOString(),
        operations: pending.operations,
        sql: pending.sql,
        schema: revisionSnapshot(
          headDesign ?? emptyDesignNamed(design.name),
          design,
          pending.operations,
        ),
      };
      const name = revisionFileName(revision);
      const schemaHash = designHash(revision.schema);
      const bytes = serializeRevisionAfter(revision, headDesign, schemaHash);
      await mkdir(revisionsDir, { recursive: true });
      await writeFileAtomic(join(revisionsDir, name), bytes);
      // Written from a verified parent by Retort itself: remembered as verified.
      const key = verifiedKey(
        keys.at(-1) ?? null,
        createHash('sha256').update(bytes).digest('hex'),
      );
      await writeVerified(root, [...keys, key]);
      // The new head's state, when its design is the one just diffed (no column moved): its
      // catalog was built for the diff, and the next revision starts from both.
      if (revision.schema === design) {
        knownHead = { key, design };
        await writeHeadState(root, build, key, { design, catalog: designCatalog(design) });
      }
      await keepValidated(design, revision.schema === design ? schemaHash : undefined);
      return { revision, file: `revisions/${name}`, lint: pending.lint };
    });
  }
}

/** The `/2` file of `revision`, whose parent's design is `before` (null: the first). */
function serializeRevisionAfter(
  revision: Revision,
  before: Design | null,
  schemaHash = designHash(revision.schema),
): string {
  const change = designChange(before ?? BASE_DESIGN, revision.schema);
  return serializeRevision(revision, change, schemaHash);
}

/** Writes a revision file as `createRevision` does (import's baseline). */
export async function writeRevision(dir: string, revision: Revision): Promise<void> {
  const before =
    revision.parent === null
      ? null
      : ((await (await openProject(dir)).revisions()).find((r) => r.id === revision.parent)
          ?.schema ?? null);
  const revisionsDir = join(resolve(dir), 'revisions');
  await mkdir(revisionsDir, { recursive: true });
  await writeFileAtomic(
    join(revisionsDir, revisionFileName(revision)),
    serializeRevisionAfter(revision, before),
  );
}
