/**
 * One writer per project folder across processes: two servers, or a server and the CLI,
 * on one folder. A save or a new revision is read-check-write; the check holds only if
 * no other process writes in between, so each takes `.retort.lock` (created with O_EXCL)
 * first. A lock whose process is gone, or that is older than any write takes, is stale
 * and taken over.
 */

import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RetortError } from '@retort/core';

export const LOCK_FILE = '.retort.lock';

/** A write holds the lock for milliseconds; one this old was left by a killed process. */
const STALE_AFTER_MS = 60_000;
/** How long a writer waits for another before giving up with a sentence. */
const WAIT_MS = 15_000;

interface Holder {
  pid: number;
  host: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(path: string): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    if (Date.now() - info.mtimeMs > STALE_AFTER_MS) return true;
    const holder = JSON.parse(text) as Partial<Holder>;
    return holder.host === hostname() && typeof holder.pid === 'number' && !alive(holder.pid);
  } catch (error) {
    // Gone already (ENOENT: try again), or written halfway by a writer killed at that instant.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    if (error instanceof SyntaxError) {
      const info = await stat(path).catch(() => null);
      return info !== null && Date.now() - info.mtimeMs > 1000;
    }
    throw error;
  }
}

/** Takes the lock, or returns false when `wait` is false and another process holds it. */
async function acquire(root: string, wait: boolean): Promise<boolean> {
  const path = join(root, LOCK_FILE);
  const deadline = Date.now() + WAIT_MS;
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname() }));
      } finally {
        await handle.close();
      }
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && wait) {
        await mkdir(root, { recursive: true });
        continue;
      }
      if (code !== 'EEXIST') throw error;
    }
    if (await isStale(path)) {
      await rm(path, { force: true });
      continue;
    }
    if (!wait) return false;
    if (Date.now() > deadline) {
      throw new RetortError(
        `Another Retort process is writing to ${root} (it holds ${LOCK_FILE}); try again, or delete that file if no Retort runs there.`,
        'conflict',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

async function release(root: string): Promise<void> {
  await rm(join(root, LOCK_FILE), { force: true });
}

/** Runs `fn` while this process alone writes to the project folder. */
export async function withProjectLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  await acquire(root, true);
  try {
    return await fn();
  } finally {
    await release(root);
  }
}

/**
 * Runs `fn` under the lock if no other process holds it; otherwise skips it, as it does
 * for a folder that does not exist or cannot be written (nothing to tidy there).
 */
export async function ifProjectUnlocked(root: string, fn: () => Promise<void>): Promise<void> {
  const acquired = await acquire(root, false).catch((error: NodeJS.ErrnoException) => {
    if (['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS'].includes(error.code ?? '')) return false;
    throw error;
  });
  if (!acquired) return;
  try {
    await fn();
  } finally {
    await release(root);
  }
}
