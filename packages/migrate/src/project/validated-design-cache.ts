/**
 * The design.json this machine last validated, kept in `.retort/validated-design.json` (local
 * state, like the verified revisions) so a command on an unchanged design.json does not
 * validate it again: on a large design, validation is most of reading it.
 *
 * The cache is keyed by the sha256 of design.json's bytes and by the build of Retort that
 * validated them (what is valid, and how a design is normalised, may change between builds),
 * and carries the sha256 of its own content. A cache whose keys differ, whose content does not
 * hash to what it says, or that is not a design is ignored and written again: losing it or
 * finding it damaged costs one validation, never a design that was not validated.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Design } from '@retort/core';
import { writeCacheFile } from './atomic-write';
import { readWholeFile } from './read-whole-file';

const FORMAT = 'retort.validated-design/1';

// Set by scripts/build-cli.ts to a hash of the sources and the lock file. From source the
// code can change under the same build, so nothing is cached there unless a caller says so.
declare const RETORT_BUILD: string | undefined;

/** The build of Retort running, or null when it runs from source. */
export const RUNNING_BUILD: string | null = typeof RETORT_BUILD === 'string' ? RETORT_BUILD : null;

export function validatedDesignPath(root: string): string {
  return join(root, '.retort', 'validated-design.json');
}

interface Header {
  format: string;
  /** sha256 of the design.json bytes the design was validated from. */
  source: string;
  build: string;
  /** sha256 of the design's JSON after the header line. */
  content: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The design validated from design.json bytes with sha256 `source`, or null. */
export async function readValidatedDesign(
  root: string,
  source: string,
  build: string | null = RUNNING_BUILD,
): Promise<Design | null> {
  if (build === null) return null;
  let bytes: Buffer;
  try {
    bytes = await readWholeFile(validatedDesignPath(root));
  } catch {
    return null;
  }
  return validatedDesignOf(bytes, source, build);
}

/** The cached design in `bytes`, if it is what the keys ask for and intact. */
export function validatedDesignOf(bytes: Buffer, source: string, build: string): Design | null {
  const newline = bytes.indexOf(10);
  if (newline < 0) return null;
  try {
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Partial<Header>;
    if (header.format !== FORMAT || header.source !== source || header.build !== build) {
      return null;
    }
    const body = bytes.subarray(newline + 1);
    if (sha256(body) !== header.content) return null;
    const design = JSON.parse(body.toString('utf8')) as unknown;
    const shaped =
      design !== null &&
      typeof design === 'object' &&
      Array.isArray((design as Design).tables) &&
      Array.isArray((design as Design).enums);
    return shaped ? (design as Design) : null;
  } catch {
    return null;
  }
}

/** Best effort: a folder Retort may not write to only means validating again next time. */
export async function writeValidatedDesign(
  root: string,
  source: string,
  design: Design,
  build: string | null = RUNNING_BUILD,
): Promise<void> {
  if (build === null) return;
  try {
    const body = JSON.stringify(design);
    const header: Header = { format: FORMAT, source, build, content: sha256(body) };
    await mkdir(join(root, '.retort'), { recursive: true });
    await writeCacheFile(validatedDesignPath(root), `${JSON.stringify(header)}\n${body}`);
  } catch {
    // Nothing lost but time.
  }
}
