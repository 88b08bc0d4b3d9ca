/**
 * A fresh PGlite cluster as a tarball of its data folder. Creating a PGlite (in memory, or in
 * a new data folder) runs initdb in WebAssembly, which takes seconds; loading a tarball of a just-initialised cluster
 * takes a fraction of that. The tarball is made the first time on this machine (from the
 * instance that needed it, before anything ran on it) and kept in the user's cache folder,
 * keyed by the PGlite build; within a process it is read once.
 *
 * An in-memory instance is filled from the tarball by Retort itself rather than by PGlite's
 * `loadDataDir`, which reads the archive through a Blob stream and looks up every parent
 * folder of each of its thousand files: making each folder once and writing each file
 * straight from the archive's bytes takes a fraction of that, on every import.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Extensions, PGlite } from '@electric-sql/pglite';

let loaded: Promise<Uint8Array<ArrayBuffer> | null> | null = null;

/** PGlite's module, loaded by the first command that opens one: the others start without it. */
const pgliteModule = () => import('@electric-sql/pglite');

const wasmPath = () =>
  join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), 'pglite.wasm');

/** Where this machine keeps the fresh cluster of the installed PGlite build. */
function cachePath(): string {
  const { size, mtimeMs } = statSync(wasmPath());
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'retort', `pglite-cluster-${size}-${Math.round(mtimeMs)}.tar`);
}

/**
 * The cached cluster's file when this machine has one, for a PGlite started where this
 * module's cache is out of reach (a worker thread); null when there is none yet.
 */
export function cachedClusterFile(): string | null {
  try {
    const path = cachePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function readCluster(): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return await readFile(cachePath());
  } catch {
    return null;
  }
}

/**
 * PGlite's WebAssembly, compiled once per process. Compiling it here, while the cluster is
 * read, takes it off the path PGlite would otherwise walk one step after another. Node 20
 * cannot keep a compiled module across processes, so each process compiles it once.
 */
let compiled: Promise<WebAssembly.Module> | null = null;

function compilePglite(): Promise<WebAssembly.Module> {
  compiled ??= readFile(wasmPath()).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

const unpacked = new WeakMap<Uint8Array, ArchivedFile[]>();

/**
 * Start parameters of an in-memory instance: Postgres' default 128 MB of shared buffers is
 * zeroed at every start, which a schema of a few hundred tables never fills.
 */
const MEMORY_START = ['-c', 'shared_buffers=16MB'];

/** A new in-memory PGlite, from the cached cluster when there is one. */
export async function createMemoryPglite(extensions: Extensions = {}): Promise<PGlite> {
  loaded ??= readCluster();
  const engine = pgliteModule();
  const wasm = compilePglite().catch(() => undefined);
  const cluster = await loaded;
  let image = cluster ? (unpacked.get(cluster) ?? null) : null;
  if (cluster && !image) {
    try {
      // Unpacked while the WebAssembly still compiles.
      image = untar(cluster);
      unpacked.set(cluster, image);
    } catch {
      // A damaged cache file: initdb below writes it again.
    }
  }
  const { PGlite, MemoryFS } = await engine;
  const startParams = [...PGlite.defaultStartParams, ...MEMORY_START];
  const pgliteWasmModule = await wasm;
  if (image) {
    try {
      const files = image;
      // PGlite fills its folders before it looks for a cluster, so it finds one and starts it.
      class ClusterFs extends MemoryFS {
        override async initialSyncFs(): Promise<void> {
          await super.initialSyncFs();
          writeCluster(PGlite.paths.PGDATA, files, (this.pg as PGlite).Module.FS);
        }
      }
      return await PGlite.create({
        fs: new ClusterFs(),
        extensions,
        startParams,
        pgliteWasmModule,
      });
    } catch {
      // A cluster that does not start: fall back to initdb and write it again.
    }
  }
  loaded = null;
  const pg = await PGlite.create({ extensions, startParams, pgliteWasmModule });
  await remember(pg).catch(() => {});
  return pg;
}

interface ArchivedFile {
  /** Relative to the cluster's folder, without a leading slash. */
  path: string;
  /** null for a folder. */
  data: Uint8Array | null;
}

/**
 * The entries of a ustar archive as `dumpDataDir('none')` writes it: folders and plain files.
 * Anything else (a link, a truncated entry, a bad checksum) makes the archive unusable.
 */
export function untar(bytes: Uint8Array): ArchivedFile[] {
  // A plain view, not a Buffer, whose copies (`new Uint8Array(view)`, `slice`) are copies.
  const archive = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const files: ArchivedFile[] = [];
  const decoder = new TextDecoder();
  const text = (from: number, length: number, at: number) => {
    const field = archive.subarray(at + from, at + from + length);
    const end = field.indexOf(0);
    return decoder.decode(end === -1 ? field : field.subarray(0, end));
  };
  let at = 0;
  while (at + 512 <= archive.length) {
    const header = archive.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
    const size = Number.parseInt(text(124, 12, at).trim() || '0', 8);
    if (sum !== Number.parseInt(text(148, 8, at).trim(), 8) || !Number.isSafeInteger(size)) {
      throw new Error(`A damaged archive header at byte ${at}.`);
    }
    const prefix = text(345, 155, at);
    const path = `${prefix ? `${prefix}/` : ''}${text(0, 100, at)}`.replace(/^\/+|\/+$/g, '');
    const type = String.fromCharCode(header[156]!);
    const start = at + 512;
    if (start + size > archive.length) throw new Error(`A truncated archive entry ${path}.`);
    if (type === '5') files.push({ path, data: null });
    else if (type === '0' || type === '\0')
      files.push({ path, data: archive.subarray(start, start + size) });
    else throw new Error(`An archive entry of type ${type} (${path}).`);
    at = start + Math.ceil(size / 512) * 512;
  }
  if (!files.some((file) => file.path === 'PG_VERSION')) {
    throw new Error('The archive holds no PG_VERSION: it is not a cluster.');
  }
  return files;
}

interface ClusterTarget {
  mkdirTree(path: string): void;
  writeFile(path: string, data: Uint8Array, options: { canOwn: boolean }): void;
}

function writeCluster(root: string, files: ArchivedFile[], fs: ClusterTarget): void {
  const made = new Set<string>();
  const folder = (path: string) => {
    if (made.has(path)) return;
    made.add(path);
    fs.mkdirTree(`${root}/${path}`);
  };
  for (const file of files) {
    if (file.data === null) {
      folder(file.path);
      continue;
    }
    const slash = file.path.lastIndexOf('/');
    if (slash > 0) folder(file.path.slice(0, slash));
    // Each instance owns a copy: Postgres writes into its files, and the archive is kept for
    // the next instance of this process.
    fs.writeFile(`${root}/${file.path}`, new Uint8Array(file.data), { canOwn: true });
  }
}

/** The PGlite of a data folder; a new folder starts from the cached cluster when there is one. */
export async function createFolderPglite(dataDir: string): Promise<PGlite> {
  const existing = await readdir(dataDir).catch(() => []);
  const { PGlite: engine } = await pgliteModule();
  if (existing.length > 0) return engine.create(dataDir);
  loaded ??= readCluster();
  const cluster = await loaded;
  if (cluster) return engine.create(dataDir, { loadDataDir: new Blob([cluster]) });
  const pg = await engine.create(dataDir);
  await remember(pg).catch(() => {});
  return pg;
}

async function remember(pg: PGlite): Promise<void> {
  const dump = await pg.dumpDataDir('none');
  const path = cachePath();
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, new Uint8Array(await dump.arrayBuffer()));
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
  loaded = Promise.resolve(new Uint8Array(await dump.arrayBuffer()));
}
