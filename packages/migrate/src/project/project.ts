/** The project folder: `design.json` (optimistic versions) and `revisions/` (the chain). */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { alembicRevisionFile, renderMigrationSql } from '@retort/codegen';
import {
  type Design,
  diff,
  lintOperations,
  parseDesign,
  RetortError,
  revisionSnapshot,
} from '@retort/core';
import {
  type DesignState,
  type Pending,
  type Project,
  REVISION_FORMAT,
  type Revision,
} from '../contract';
import { removeLeftoverTemps, writeFileAtomic } from './atomic-write';
import { type RevisionFile, verifyChain } from './chain';
import { emptyDesignNamed } from './empty-design';
import { ifProjectUnlocked, withProjectLock } from './project-lock';
import { parseRevisionFile, revisionFileName, serializeRevision } from './revision-file';

export const emptyDesign = emptyDesignNamed;

/** The version of a design.json that does not exist yet. */
const MISSING = 'none';

const versionOf = (bytes: Buffer | string) =>
  createHash('sha256').update(bytes).digest('hex').slice(0, 16);

export async function openProject(dir: string): Promise<Project> {
  const root = resolve(dir);
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
      return await readFile(designPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };

  const readDesign = async (): Promise<DesignState> => {
    const bytes = await readBytes();
    if (bytes === null) {
      throw new RetortError(`There is no design.json in ${root}.`, 'not_found');
    }
    return { design: parseDesign(bytes.toString('utf8')), version: versionOf(bytes) };
  };

  const revisions = async (): Promise<Revision[]> => {
    let names: string[];
    try {
      names = await readdir(revisionsDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const files: RevisionFile[] = [];
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
      const file = `revisions/${name}`;
      files.push({
        file,
        revision: parseRevisionFile(file, await readFile(join(revisionsDir, name), 'utf8')),
      });
    }
    return verifyChain(files);
  };

  const pendingFrom = (design: Design, chain: Revision[]): Pending & { parent: string | null } => {
    const head = chain.at(-1) ?? null;
    const operations = diff(head?.schema ?? emptyDesignNamed(design.name), design);
    const sql = renderMigrationSql(operations);
    const preview = {
      id: '000000000000',
      parent: head?.id ?? null,
      message: 'pending changes',
      createdAt: new Date().toISOString(),
      operations,
      schema: design,
    };
    return {
      parent: head?.id ?? null,
      operations,
      lint: lintOperations(operations),
      sql,
      alembic: operations.length > 0 ? alembicRevisionFile(preview, head?.schema ?? null).text : '',
    };
  };

  return {
    dir: root,
    readDesign,
    saveDesign: (input, expectedVersion) =>
      serial(async () => {
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
        return { design, version: versionOf(text) };
      }),
    revisions,
    async pending() {
      const { design } = await readDesign();
      const { parent: _parent, ...pending } = pendingFrom(design, await revisions());
      return pending;
    },
    createRevision: (message) =>
      serial(async () => {
        const text = message.trim();
        if (!text) throw new RetortError('A revision needs a message (-m "...").', 'invalid_input');
        const { design } = await readDesign();
        const chain = await revisions();
        const pending = pendingFrom(design, chain);
        if (pending.operations.length === 0) return null;
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
            chain.at(-1)?.schema ?? emptyDesignNamed(design.name),
            design,
            pending.operations,
          ),
        };
        await mkdir(revisionsDir, { recursive: true });
        await writeFileAtomic(
          join(revisionsDir, revisionFileName(revision)),
          serializeRevision(revision),
        );
        return revision;
      }),
  };
}

/** Writes a revision file as `createRevision` does (import's baseline). */
export async function writeRevision(dir: string, revision: Revision): Promise<void> {
  const revisionsDir = join(resolve(dir), 'revisions');
  await mkdir(revisionsDir, { recursive: true });
  await writeFileAtomic(
    join(revisionsDir, revisionFileName(revision)),
    serializeRevision(revision),
  );
}
