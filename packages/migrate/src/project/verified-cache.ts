/**
 * Which revisions this machine has verified, remembered in `.retort/verified-revisions.json`
 * (local state, like the embedded database) so a new process does not verify the whole
 * chain again. Keys cover each file's content and its parent's key, so an edited, renamed
 * or reordered file is verified afresh. Losing the file costs one verification, never more.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCacheFile } from './atomic-write';

const FORMAT = 'retort.verified/1';

export function verifiedCachePath(root: string): string {
  return join(root, '.retort', 'verified-revisions.json');
}

export async function readVerified(root: string): Promise<Set<string>> {
  try {
    const value = JSON.parse(await readFile(verifiedCachePath(root), 'utf8')) as {
      format?: unknown;
      keys?: unknown;
    };
    if (value.format !== FORMAT || !Array.isArray(value.keys)) return new Set();
    return new Set(value.keys.filter((k): k is string => typeof k === 'string'));
  } catch {
    return new Set();
  }
}

/** Best effort: a folder Retort may not write to only means verifying again next time. */
export async function writeVerified(root: string, keys: readonly string[]): Promise<void> {
  try {
    await mkdir(join(root, '.retort'), { recursive: true });
    await writeCacheFile(verifiedCachePath(root), `${JSON.stringify({ format: FORMAT, keys })}\n`);
  } catch {
    // Nothing lost but time.
  }
}
