/** Test support: a throwaway copy of `examples/shop` (never the repository's own example). */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLE_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../examples/shop',
);

export interface ProjectCopy {
  dir: string;
  remove(): void;
  /** design.json's bytes, the revision file names, for "nothing changed" checks. */
  snapshot(): { design: string; revisions: string[] };
}

/** The example's design with no revisions yet: the tutorial's starting point. */
export function copyExample(): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), 'retort-shop-'));
  copyFileSync(join(EXAMPLE_DIR, 'design.json'), join(dir, 'design.json'));
  mkdirSync(join(dir, 'revisions'));
  return {
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
    snapshot: () => ({
      design: readFileSync(join(dir, 'design.json'), 'utf8'),
      revisions: readdirSync(join(dir, 'revisions')).sort(),
    }),
  };
}
