/**
 * The version check of a save holds across processes: two processes that save against
 * the same version never both succeed (no save is lost), and what a killed write leaves
 * behind is cleared when the project is next opened.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RetortError } from '@retort/core';
import { loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../testing/temp-project';
import { openProject } from './project';
import { LOCK_FILE } from './project-lock';

const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
const saveLoop = fileURLToPath(new URL('../testing/save-loop.ts', import.meta.url));

function saver(dir: string, go: string, label: string, saves: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      tsx,
      [saveLoop, dir, go, label, String(saves)],
      { timeout: 240_000 },
      (error, out, err) =>
        error ? reject(new Error(`${label} failed: ${err || error.message}`)) : resolve(out),
    );
  });
}

describe('saving from two processes', () => {
  it('never accepts two saves of the same version: each success follows the one before', async () => {
    const temp = await tempProject(loadShopDesign());
    try {
      const go = join(temp.dir, 'go');
      const running = [saver(temp.dir, go, 'a', 40), saver(temp.dir, go, 'b', 40)];
      // Both processes are up and waiting before either starts.
      const ready = () => ['a', 'b'].every((label) => existsSync(`${go}.${label}.ready`));
      while (!ready()) await new Promise((resolve) => setTimeout(resolve, 20));
      await writeFile(go, '');
      const lines = (await Promise.all(running)).join('').trim().split('\n').filter(Boolean);
      const saves = lines.map((line) => JSON.parse(line) as { from: string; to: string });
      expect(saves.length).toBeGreaterThan(0);
      // Every version was the base of at most one successful save.
      const bases = saves.map((s) => s.from);
      expect(new Set(bases).size).toBe(bases.length);
      // The successes form one chain, ending in what design.json holds now.
      const { version } = await temp.project.readDesign();
      const next = new Map(saves.map((s) => [s.from, s.to]));
      const starts = saves.filter((s) => !saves.some((t) => t.to === s.from));
      expect(starts).toHaveLength(1);
      let at = starts[0]!.from;
      for (let i = 0; i < saves.length; i++) at = next.get(at)!;
      expect(at).toBe(version);
      expect(await readdir(temp.dir)).not.toContain(LOCK_FILE);
    } finally {
      await temp.cleanup();
    }
  }, 300_000);

  it('waits for a live lock and takes over one its process left behind', async () => {
    const temp = await tempProject(loadShopDesign());
    try {
      // A process that no longer exists: the lock is stale, the save goes through.
      await writeFile(
        join(temp.dir, LOCK_FILE),
        JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname() }),
      );
      const { design, version } = await temp.project.readDesign();
      await expect(temp.project.saveDesign(design, version)).resolves.toBeDefined();
      expect(await readdir(temp.dir)).not.toContain(LOCK_FILE);
    } finally {
      await temp.cleanup();
    }
  });
});

describe('a write killed halfway', () => {
  it('leaves temporary files that opening the project removes, and nothing else', async () => {
    const temp = await tempProject(loadShopDesign());
    try {
      await temp.project.createRevision('create the shop tables');
      const revisions = join(temp.dir, 'revisions');
      await writeFile(join(temp.dir, '.design.json.0a1b2c3d.tmp'), '{"half');
      await writeFile(join(revisions, '.0123456789ab_x.json.deadbeef.tmp'), '{"half');
      await writeFile(join(temp.dir, 'notes.tmp'), 'mine');
      const before = await readFile(join(temp.dir, 'design.json'), 'utf8');
      const project = await openProject(temp.dir);
      // `.retort/` is local state (the verified-revision cache), not a leftover.
      expect((await readdir(temp.dir)).filter((name) => name !== '.retort').sort()).toEqual([
        'design.json',
        'notes.tmp',
        'revisions',
      ]);
      expect((await readdir(revisions)).every((name) => name.endsWith('.json'))).toBe(true);
      expect(await readFile(join(temp.dir, 'design.json'), 'utf8')).toBe(before);
      expect((await project.revisions()).length).toBe(1);
    } finally {
      await temp.cleanup();
    }
  });

  it('a stale version is still a conflict under the lock', async () => {
    const temp = await tempProject(loadShopDesign());
    try {
      const { design } = await temp.project.readDesign();
      const error = await temp.project.saveDesign(design, 'stale').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RetortError);
      expect((error as RetortError).code).toBe('conflict');
    } finally {
      await temp.cleanup();
    }
  });
});
