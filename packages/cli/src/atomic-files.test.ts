/** Folder and file writes are all or nothing, and never escape their folder. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRetortError } from '@retort/core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeFileAtomic, writeFolder } from './atomic-files';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'retort-atomic-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('a missing folder is created whole, nested paths included', async () => {
  await writeFolder(join(root, 'out'), { 'a.txt': 'A', 'versions/b.py': 'B' });
  expect(readFileSync(join(root, 'out', 'versions', 'b.py'), 'utf8')).toBe('B');
  expect(readdirSync(root)).toEqual(['out']);
});

test('an empty folder is filled', async () => {
  mkdirSync(join(root, 'out'));
  await writeFolder(join(root, 'out'), { 'a.txt': 'A' });
  expect(readdirSync(join(root, 'out'))).toEqual(['a.txt']);
});

test('a non-empty folder is refused without force and left alone', async () => {
  mkdirSync(join(root, 'out'));
  writeFileSync(join(root, 'out', 'mine.txt'), 'mine');
  const error = await writeFolder(join(root, 'out'), { 'a.txt': 'A' }).catch((e) => e);
  expect(isRetortError(error)).toBe(true);
  expect(error.message).toMatch(/is not empty; pass --force/);
  expect(readdirSync(join(root, 'out'))).toEqual(['mine.txt']);
  await writeFolder(join(root, 'out'), { 'a.txt': 'A' }, { force: true });
  expect(readdirSync(join(root, 'out')).sort()).toEqual(['a.txt', 'mine.txt']);
});

test('a path escaping the folder is refused before anything is written', async () => {
  const error = await writeFolder(join(root, 'out'), { 'ok.txt': '1', '../escape.txt': '2' }).catch(
    (e) => e,
  );
  expect(isRetortError(error)).toBe(true);
  expect(readdirSync(root)).toEqual([]);
});

test('a write that fails part-way leaves no folder and no temporary files', async () => {
  // `a` is written as a file first, so `a/b` cannot be created under it.
  const error = await writeFolder(join(root, 'out'), { a: 'first', 'a/b': 'second' }).catch(
    (e) => e,
  );
  expect((error as NodeJS.ErrnoException).code).toMatch(/^(ENOTDIR|EEXIST)$/);
  expect(readdirSync(root)).toEqual([]);
});

test('a file is replaced atomically and no temporary file remains', async () => {
  const file = join(root, 'deep', 'models.py');
  await writeFileAtomic(file, 'one');
  await writeFileAtomic(file, 'two');
  expect(readFileSync(file, 'utf8')).toBe('two');
  expect(readdirSync(join(root, 'deep'))).toEqual(['models.py']);
});
