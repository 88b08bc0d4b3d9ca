import { spawnSync } from 'node:child_process';

/** One number a benchmark reports, e.g. `diff 1000 tables` in `ms`. */
export interface Measurement {
  name: string;
  value: number;
  unit: string;
}

/** Median wall time of `runs` calls after one warm-up, in milliseconds. */
export function median(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** A whole command as a user runs it: its wall time and what it printed. */
export interface Ran {
  ms: number;
  stdout: string;
}

/** Runs `command` to completion (DATABASE_URL unset unless `env` sets it); throws when it fails. */
export function timed(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Ran {
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, DATABASE_URL: undefined, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} failed: ${result.stderr || result.stdout}`);
  }
  return { ms, stdout: result.stdout };
}
