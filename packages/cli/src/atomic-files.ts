/**
 * Writes that never leave a half-written file or folder behind: content goes to a temporary
 * sibling first and is renamed into place only when complete.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { RetortError } from '@retort/core';

async function writeDurably(path: string, content: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeDurably(temp, content);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Refuses paths that would escape the folder (`../x`, absolute paths). */
function inside(dir: string, path: string): string {
  const target = resolve(dir, path);
  const rel = relative(dir, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new RetortError(`Refusing to write "${path}" outside ${dir}.`, 'invalid_input');
  }
  return target;
}

async function isEmptyDir(dir: string): Promise<boolean | null> {
  try {
    if (!(await stat(dir)).isDirectory()) {
      throw new RetortError(`${dir} exists and is not a folder.`, 'invalid_input');
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return (await readdir(dir)).length === 0;
}

/**
 * Writes `files` (relative path -> content) into `dir`. A missing or empty `dir` is filled
 * all at once (built beside it, then renamed); a non-empty one is refused unless `force`,
 * and then each file is replaced atomically.
 */
export async function writeFolder(
  dir: string,
  files: Record<string, string>,
  { force = false }: { force?: boolean } = {},
): Promise<void> {
  const target = resolve(dir);
  const empty = await isEmptyDir(target);
  for (const path of Object.keys(files)) inside(target, path);
  if (empty === false) {
    if (!force) {
      throw new RetortError(`${dir} is not empty; pass --force to write into it.`, 'invalid_input');
    }
    for (const [path, content] of Object.entries(files)) {
      await writeFileAtomic(inside(target, path), content);
    }
    return;
  }
  await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    for (const [path, content] of Object.entries(files)) {
      const file = inside(temp, path);
      await mkdir(dirname(file), { recursive: true });
      await writeDurably(file, content);
    }
    if (empty === true) await rmdir(target);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
