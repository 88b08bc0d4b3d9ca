/**
 * Test support: a project whose designs become revisions one after another, applied by
 * `retort upgrade head` to one database and exported as an Alembic project, whose real
 * Alembic runs against another; the two databases' pg_dumps are then compared by the test.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Design } from '@retort/core';
import { PYTHON } from '@retort/testing';
import { expect } from 'vitest';
import { retort } from './retort-process';

/** Writes a revision per design in `dir`, upgrades `retortUrl` to head and exports `alembic/`. */
export async function revisionsUpgradedAndExported(
  dir: string,
  steps: readonly [message: string, design: Design][],
  retortUrl: string,
): Promise<void> {
  for (const [message, design] of steps) {
    writeFileSync(join(dir, 'design.json'), JSON.stringify(design));
    const made = await retort(['revision', '-m', message], { cwd: dir });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
  }
  const up = await retort(['upgrade', 'head', '--database-url', retortUrl], { cwd: dir });
  expect(up.code).toBe(0);
  expect((await retort(['export', 'alembic', 'alembic'], { cwd: dir })).code).toBe(0);
}

/** Runs the real Alembic in `dir`'s exported project against `url`. */
export function exportedAlembic(dir: string, url: string) {
  return (...args: string[]) =>
    promisify(execFile)(PYTHON, ['-m', 'alembic', ...args], {
      cwd: join(dir, 'alembic'),
      env: { ...process.env, DATABASE_URL: url },
    });
}
