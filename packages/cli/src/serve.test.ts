/** `retort serve`: says where it serves, answers, and stops cleanly on SIGINT/SIGTERM. */

import { copyProject, type ProjectCopy } from '@retort/testing/projects';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exited, retort, startRetort } from './testing/retort-process';

describe('retort serve', () => {
  let project: ProjectCopy;
  beforeAll(() => {
    project = copyProject('retort-cli-');
  });
  afterAll(() => project.remove());

  test.each(['SIGTERM', 'SIGINT'] as const)(
    'serves the project and stops on %s',
    async (signal) => {
      const { child, line, output } = await startRetort(
        ['serve', '--project', project.dir, '--port', '0'],
        {
          cwd: project.dir,
          ready: /^Retort is serving/,
        },
      );
      try {
        const match =
          /^Retort is serving shop at (http:\/\/127\.0\.0\.1:\d+) \(database: embedded PGlite at (.+)\)$/.exec(
            line,
          );
        expect(match, line).not.toBeNull();
        expect(match![2]).toContain(project.dir);
        const health = await fetch(`${match![1]}/api/health`);
        expect(await health.json()).toEqual({ ok: true });
        const design = await fetch(`${match![1]}/api/design`);
        expect((await design.json()).design.name).toBe('shop');
      } finally {
        child.kill(signal);
      }
      expect(await exited(child)).toBe(0);
      expect(output().stdout).toContain(`Received ${signal}; stopping.`);
      expect(output().stderr).toBe('');
    },
  );

  test('refuses to listen beyond loopback without RETORT_TOKEN', async () => {
    const result = await retort(
      ['serve', '--project', project.dir, '--host', '0.0.0.0', '--port', '0'],
      {
        cwd: project.dir,
        env: { RETORT_TOKEN: undefined },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'retort: Retort refuses to listen on 0.0.0.0 without a token; set RETORT_TOKEN or bind 127.0.0.1.\n',
    );
  });
});
