/** A throwaway project folder holding `design`, removed by `cleanup`. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Design } from '@retort/core';
import type { Project } from '../contract';
import { openProject } from '../project/project';

export interface TempProject {
  dir: string;
  project: Project;
  /** Replaces design.json with `design` (no version check: the test owns the folder). */
  write(design: Design): Promise<void>;
  cleanup(): Promise<void>;
}

export async function tempProject(design: Design): Promise<TempProject> {
  const dir = await mkdtemp(join(tmpdir(), 'retort-project-'));
  const write = (d: Design) =>
    writeFile(join(dir, 'design.json'), `${JSON.stringify(d, null, 2)}\n`);
  await write(design);
  return {
    dir,
    project: await openProject(dir),
    write,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
