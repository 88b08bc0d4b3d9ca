/** A throwaway copy of `examples/shop` (never the repository's own example). */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLE_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../examples/shop',
);

export interface ProjectCopy {
  dir: string;
  remove(): void;
  /** design.json's bytes, the revision file names, for "nothing changed" checks. */
  snapshot(): { design: string; revisions: string[] };
  /** Every file and folder under `dir` except the local `.retort` state, sorted. */
  files(): string[];
}

/**
 * The example's design with no revisions yet (the tutorial's starting point), in a fresh
 * temporary folder named `<prefix>XXXXXX`.
 */
export function copyProject(prefix = 'retort-shop-'): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copyFileSync(join(EXAMPLE_DIR, 'design.json'), join(dir, 'design.json'));
  mkdirSync(join(dir, 'revisions'));
  return {
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
    snapshot: () => ({
      design: readFileSync(join(dir, 'design.json'), 'utf8'),
      revisions: readdirSync(join(dir, 'revisions')).sort(),
    }),
    files: () =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => !f.startsWith('.retort'))
        .sort(),
  };
}
