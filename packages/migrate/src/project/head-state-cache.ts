/**
 * The head revision's design and catalog, kept in `.retort/head-states/<key>.json` under the
 * key the chain's head is verified by (which covers every file of the chain, see chain.ts), so
 * the commands that diff against the head (`revision`, `pending`) do not replay the chain and
 * build the head's catalog again until a revision is added or a file changes. The states of
 * the last two heads are kept: a revision removed again (or a branch switched back) finds its
 * parent's. See keyed-cache.ts for what makes a cache file trusted.
 */
import { readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog, Design } from '@retort/core';
import { type CacheSlot, readCache, writeCache } from './keyed-cache';
import { isDesignShaped } from './validated-design-cache';

export interface HeadState {
  design: Design;
  catalog: Catalog;
}

const KEPT = 2;
const KEY = /^[0-9a-f]{64}$/;

const statesDir = (root: string) => join(root, '.retort', 'head-states');

export function headStateSlot(root: string, build: string | null, key: string): CacheSlot {
  // A key is a sha256 in hex; anything else never names a file.
  return {
    path: join(statesDir(root), `${key}.json`),
    format: 'retort.head-state/1',
    build: KEY.test(key) ? build : null,
  };
}

export async function readHeadState(
  root: string,
  build: string | null,
  key: string,
): Promise<HeadState | null> {
  const slot = headStateSlot(root, build, key);
  const value = (await readCache(slot, key)) as Partial<HeadState> | null;
  const catalog = value?.catalog;
  const shaped =
    value !== null &&
    isDesignShaped(value.design) &&
    catalog !== null &&
    typeof catalog === 'object' &&
    Array.isArray(catalog.tables) &&
    Array.isArray(catalog.enums);
  if (!shaped) return null;
  // Kept by use, not by age: the head a revision is diffed against outlives the states of
  // the revisions written (and removed again) on top of it.
  const now = new Date();
  await utimes(slot.path, now, now).catch(() => {});
  return value as HeadState;
}

export async function writeHeadState(
  root: string,
  build: string | null,
  key: string,
  state: HeadState,
): Promise<void> {
  const slot = headStateSlot(root, build, key);
  if (slot.build === null) return;
  await writeCache(slot, key, state);
  await pruneHeadStates(root).catch(() => {});
}

/** Leaves the states written or read last; the others belong to heads long gone. */
async function pruneHeadStates(root: string): Promise<void> {
  const dir = statesDir(root);
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  if (names.length <= KEPT) return;
  const times = await Promise.all(
    names.map(async (name) => (await stat(join(dir, name)).catch(() => null))?.mtimeMs ?? 0),
  );
  const oldest = names
    .map((name, i) => ({ name, time: times[i]! }))
    .sort((a, b) => b.time - a.time)
    .slice(KEPT);
  await Promise.all(oldest.map(({ name }) => rm(join(dir, name), { force: true })));
}
