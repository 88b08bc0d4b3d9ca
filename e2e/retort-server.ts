/** Starts the real `retort serve` (the CLI) on a free 127.0.0.1 port, for tests and benchmarks. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface RunningRetort {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..');

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
