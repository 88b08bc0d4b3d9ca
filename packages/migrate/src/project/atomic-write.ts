/**
 * Write to a temporary file in the same folder, fsync, rename, fsync the folder: readers
 * see old or new, never half, and the rename survives a power cut. A process killed
 * between the first write and the rename leaves its temporary file behind;
 * `removeLeftoverTemps` clears those when the project is next opened.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `.design.json.1a2b3c4d.tmp`: what `writeFileAtomic` names its temporary files. */
const TEMP_FILE = /^\..+\.[0-9a-f]{8}\.tmp$/;

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await replaceFile(path, text, true);
}

/**
 * Like `writeFileAtomic` without the syncs: readers still see old or new, never half, but a
 * power cut may lose the write. For local caches, whose loss costs only time.
 */
export async function writeCacheFile(path: string, text: string): Promise<void> {
  await replaceFile(path, text, false);
}

async function replaceFile(path: string, text: string, durable: boolean): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (durable) await syncDirectory(dirname(path));
}

/** The rename is an entry of the folder: only syncing the folder makes it durable. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Some platforms (Windows) cannot open or sync a folder; the rename itself still stands.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES')
      throw error;
  } finally {
    await handle?.close();
  }
}

/** Removes temporary files a killed write left in `dir`; the caller holds the project lock. */
export async function removeLeftoverTemps(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const leftovers = names.filter((name) => TEMP_FILE.test(name));
  await Promise.all(leftovers.map((name) => rm(join(dir, name), { force: true })));
  return leftovers;
}
