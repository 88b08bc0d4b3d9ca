/** Starts the real `retort serve` (the CLI) on a free 127.0.0.1 port, for tests and benchmarks. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface RunningRetort {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..');

/**
 * Where the throwaway projects go: memory (/dev/shm) where the machine has it, since each
 * holds a 40 MB PGlite cluster that would otherwise be written to disk per test.
 */
export const scratch = (() => {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
})();

/** Copies a folder with `cp -a`, many times faster than fs.cp on a PGlite cluster's 1000 files. */
export const copyFolder = (from: string, to: string) =>
  promisify(execFile)('cp', ['-a', `${from}/.`, to]);

export async function startRetort(
  projectDir: string,
  env: Record<string, string> = {},
  startTimeoutMs = 60_000,
): Promise<RunningRetort> {
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'packages/cli/bin/retort.js'),
      'serve',
      '--project',
      projectDir,
      '--port',
      '0',
    ],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`retort serve did not start in ${startTimeoutMs / 1000} s:\n${output}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving .* at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`retort serve exited with ${code}:\n${output}`));
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { url, process: child, stop };
}
