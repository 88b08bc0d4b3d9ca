/**
 * Test support: an exported Alembic project written to a temporary folder and run by the
 * real Alembic against a database.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Design, diff } from '@retort/core';
import { PYTHON } from '@retort/testing';
import type { TutorialRevision } from '@retort/testing/tutorial';
import { alembicProjectFiles } from '../alembic';

/** Two revisions from the empty design to `design` through `middle`. */
export function twoRevisions(middle: Design, design: Design): TutorialRevision[] {
  const empty: Design = { ...design, enums: [], tables: [] };
  return [
    {
      id: 'a1b2c3d4e5f6',
      parent: null,
      message: 'first',
      createdAt: '2024-01-01T00:00:00Z',
      operations: diff(empty, middle),
      schema: middle,
    },
    {
      id: 'b1b2c3d4e5f6',
      parent: 'a1b2c3d4e5f6',
      message: 'second',
      createdAt: '2024-01-02T00:00:00Z',
      operations: diff(middle, design),
      schema: design,
    },
  ];
}

/** Writes the Alembic project of `design` and its `revisions` to a new temporary folder. */
export function writeAlembicProject(revisions: TutorialRevision[], design: Design): string {
  const dir = mkdtempSync(join(tmpdir(), 'retort-alembic-'));
  const files = alembicProjectFiles({ name: design.name, design, revisions });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Runs the real Alembic in the project at `dir` against the database at `url`; its stdout. */
export function runAlembic(dir: string, url: string, ...args: string[]): string {
  return execFileSync(PYTHON, ['-m', 'alembic', ...args], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
