/**
 * Golden files: an emitter's output compared byte for byte with a file kept in the `golden/`
 * folder beside its test, reviewed like code. `UPDATE_GOLDEN=1 npx vitest run <folder>`
 * rewrites them instead of comparing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/** `expectGolden(name, text)` for the folder, e.g. `goldenFolder(new URL('./golden/', import.meta.url))`. */
export function goldenFolder(folder: URL): (name: string, actual: string) => void {
  return (name, actual) => {
    const file = new URL(name, folder);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
    expect(existsSync(file), `golden file ${name} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  };
}
