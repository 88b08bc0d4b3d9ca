/**
 * The head revision's design and catalog, kept in `.retort/head-state.json` under the key the
 * chain's head is verified by (which covers every file of the chain, see chain.ts), so the
 * commands that diff against the head (`revision`, `pending`) do not replay the chain and
 * build the head's catalog again until a revision is added or a file changes. See
 * keyed-cache.ts for what makes a cache file trusted.
 */
import { join } from 'node:path';
import type { Catalog, Design } from '@retort/core';
import { type CacheSlot, readCache, writeCache } from './keyed-cache';
import { isDesignShaped } from './validated-design-cache';

export interface HeadState {
  design: Design;
  catalog: Catalog;
}

export function headStateSlot(root: string, build: string | null): CacheSlot {
  return { path: join(root, '.retort', 'head-state.json'), format: 'retort.head-state/1', build };
}

export async function readHeadState(slot: CacheSlot, headKey: string): Promise<HeadState | null> {
  const value = (await readCache(slot, headKey)) as Partial<HeadState> | null;
  const catalog = value?.catalog;
  const shaped =
    value !== null &&
    isDesignShaped(value.design) &&
    catalog !== null &&
    typeof catalog === 'object' &&
    Array.isArray(catalog.tables) &&
    Array.isArray(catalog.enums);
  return shaped ? (value as HeadState) : null;
}

export const writeHeadState = (slot: CacheSlot, headKey: string, state: HeadState) =>
  writeCache(slot, headKey, state);
