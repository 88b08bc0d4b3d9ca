/**
 * A fresh PGlite cluster as a tarball of its data folder. Creating a PGlite (in memory, or in
 * a new data folder) runs initdb in WebAssembly, which takes seconds; loading a tarball of a just-initialised cluster
 * takes a fraction of that. The tarball is made the first time on this machine (from the
 * instance that needed it, before anything ran on it) and kept in the user's cache folder,
 * keyed by the PGlite build; within a process it is read once.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Extensions, PGlite } from '@electric-sql/pglite';

let loaded: Promise<Blob | null> | null = null;

/** PGlite's module, loaded by the first command that opens one: the others start without it. */
const pglite = async () => (await import('@electric-sql/pglite')).PGlite;

async function cachePath(): Promise<string> {
  const wasm = join(
    dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')),
    'pglite.wasm',
  );
  const { size, mtimeMs } = await stat(wasm);
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'retort', `pglite-cluster-${size}-${Math.round(mtimeMs)}.tar`);
}

/**
 * The cached cluster's file when this machine has one, for a PGlite started where this
 * module's cache is out of reach (a worker thread); null when there is none yet.
 */
export function cachedClusterFile(): string | null {
  try {
    const wasm = join(
      dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')),
      'pglite.wasm',
    );
    const { size, mtimeMs } = statSync(wasm);
    const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    const path = join(base, 'retort', `pglite-cluster-${size}-${Math.round(mtimeMs)}.tar`);
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function readCluster(): Promise<Blob | null> {
  try {
    return new Blob([await readFile(await cachePath())]);
  } catch {
    return null;
  }
}

/** A new in-memory PGlite, from the cached cluster when there is one. */
export async function createMemoryPglite(extensions: Extensions = {}): Promise<PGlite> {
  loaded ??= readCluster();
  const cluster = await loaded;
  if (cluster) {
    try {
      return await (await pglite()).create({ loadDataDir: cluster, extensions });
    } catch {
      // A damaged cache file: fall back to initdb and write it again.
      loaded = null;
    }
  }
  const pg = await (await pglite()).create({ extensions });
  await remember(pg).catch(() => {});
  return pg;
}

/** The PGlite of a data folder; a new folder starts from the cached cluster when there is one. */
export async function createFolderPglite(dataDir: string): Promise<PGlite> {
  const existing = await readdir(dataDir).catch(() => []);
  const engine = await pglite();
  if (existing.length > 0) return engine.create(dataDir);
  loaded ??= readCluster();
  const cluster = await loaded;
  if (cluster) return engine.create(dataDir, { loadDataDir: cluster });
  const pg = await engine.create(dataDir);
  await remember(pg).catch(() => {});
  return pg;
}

async function remember(pg: PGlite): Promise<void> {
  const dump = await pg.dumpDataDir('none');
  const path = await cachePath();
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, new Uint8Array(await dump.arrayBuffer()));
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
  loaded = Promise.resolve(dump);
}
