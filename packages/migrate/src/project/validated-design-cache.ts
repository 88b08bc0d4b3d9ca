/**
 * The design.json this machine last validated, kept in `.retort/validated-design.json` so a
 * command on an unchanged design.json does not validate it again: on a large design,
 * validation is most of reading it. Keyed by the sha256 of design.json's bytes, for the build
 * of Retort that validated them (what is valid, and how a design is normalised, may change
 * between builds); see keyed-cache.ts for what makes a cache file trusted.
 */
import { join } from 'node:path';
import type { Design } from '@retort/core';
import { type CacheSlot, readCache, writeCache } from './keyed-cache';

export function validatedDesignSlot(root: string, build: string | null): CacheSlot {
  return {
    path: join(root, '.retort', 'validated-design.json'),
    format: 'retort.validated-design/1',
    build,
  };
}

/** The design validated from design.json bytes with sha256 `source`, or null. */
export async function readValidatedDesign(slot: CacheSlot, source: string): Promise<Design | null> {
  const design = await readCache(slot, source);
  return isDesignShaped(design) ? design : null;
}

export const writeValidatedDesign = (slot: CacheSlot, source: string, design: Design) =>
  writeCache(slot, source, design);

export function isDesignShaped(value: unknown): value is Design {
  return (
    value !== null &&
    typeof value === 'object' &&
    Array.isArray((value as Design).tables) &&
    Array.isArray((value as Design).enums)
  );
}
