/**
 * A local cache file in `.retort/` holding one value under one key: a header line (the
 * format, the key, the build of Retort that wrote it and the sha256 of the rest) and the
 * value's JSON. It is read only when the format, key and build are the ones asked for and the
 * rest hashes to the header's; a damaged, foreign or stale file reads as nothing, so losing
 * or corrupting one costs time, never trust. Writes are best effort, like every local cache.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeCacheFile } from './atomic-write';
import { readWholeFile } from './read-whole-file';

// Set by scripts/build-cli.ts to a hash of the sources and the lock file. From source the
// code can change under the same build, so nothing is cached there unless a caller says so.
declare const RETORT_BUILD: string | undefined;

/** The build of Retort running, or null when it runs from source. */
export const RUNNING_BUILD: string | null = typeof RETORT_BUILD === 'string' ? RETORT_BUILD : null;

interface Header {
  format: string;
  key: string;
  build: string;
  /** sha256 of the value's JSON after the header line. */
  content: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export interface CacheSlot {
  path: string;
  format: string;
  /** Null: nothing is read or written. */
  build: string | null;
}

export async function readCache(slot: CacheSlot, key: string): Promise<unknown> {
  if (slot.build === null) return null;
  let bytes: Buffer;
  try {
    bytes = await readWholeFile(slot.path);
  } catch {
    return null;
  }
  const newline = bytes.indexOf(10);
  if (newline < 0) return null;
  try {
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Partial<Header>;
    if (header.format !== slot.format || header.key !== key || header.build !== slot.build) {
      return null;
    }
    const body = bytes.subarray(newline + 1);
    if (sha256(body) !== header.content) return null;
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

export async function writeCache(slot: CacheSlot, key: string, value: unknown): Promise<void> {
  if (slot.build === null) return;
  try {
    const body = JSON.stringify(value);
    const header: Header = { format: slot.format, key, build: slot.build, content: sha256(body) };
    await mkdir(dirname(slot.path), { recursive: true });
    await writeCacheFile(slot.path, `${JSON.stringify(header)}\n${body}`);
  } catch {
    // Nothing lost but time.
  }
}
