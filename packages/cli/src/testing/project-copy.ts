/** Test support: a throwaway copy of `examples/shop` (never the repository's own example). */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
  files(): string[];
}

/** The example's design with no revisions yet, in a fresh temporary folder. */
export function copyExample(): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), 'retort-cli-'));
  copyFileSync(join(EXAMPLE_DIR, 'design.json'), join(dir, 'design.json'));
  mkdirSync(join(dir, 'revisions'));
  return {
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
    files: () =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => !f.startsWith('.retort'))
        .sort(),
  };
}
