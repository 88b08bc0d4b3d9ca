/**
 * The design.json this machine last validated, kept in `.retort/validated-design.json` so a
 * command on an unchanged design.json does not validate it again: on a large design,
 * validation is most of reading it. Keyed by the sha256 of design.json's bytes, for the build
 * of Retort that validated them (what is valid, and how a design is normalised, may change
 * between builds); see keyed-cache.ts for what makes a cache file trusted. A command that
 * writes a revision of the design also keeps its hash there, so a revision written again
 * (removed, or made on another branch of the same design) need not hash it again.
 */
import { join } from 'node:path';
import type { Design } from '@retort/core';
import { type CacheSlot, readCache, writeCache } from './keyed-cache';

export function validatedDesignSlot(root: string, build: string | null): CacheSlot {
  return {
    path: join(root, '.retort', 'validated-design.json'),
    format: 'retort.validated-design/2',
    build,
  };
}

export interface ValidatedDesign {
  design: Design;
  /** `designHash(design)`, once a command has needed it. */
  hash?: string;
}

/** The design validated from design.json bytes with sha256 `source`, or null. */
export async function readValidatedDesign(
  slot: CacheSlot,
  source: string,
): Promise<ValidatedDesign | null> {
  const value = (await readCache(slot, source)) as Partial<ValidatedDesign> | null;
  if (value === null || !isDesignShaped(value.design)) return null;
  const hash = typeof value.hash === 'string' && /^[0-9a-f]{64}$/.test(value.hash);
  return hash ? { design: value.design, hash: value.hash } : { design: value.design };
}

export const writeValidatedDesign = (slot: CacheSlot, source: string, value: ValidatedDesign) =>
  writeCache(slot, source, value);

export function isDesignShaped(value: unknown): value is Design {
  return (
    value !== null &&
    typeof value === 'object' &&
    Array.isArray((value as Design).tables) &&
    Array.isArray((value as Design).enums)
  );
}
