/** Test support: runs the real `retort` executable (`node packages/cli/bin/retort.js`). */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/retort.js');

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export function retort(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<Outcome> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd, env: env as NodeJS.ProcessEnv, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolvePromise({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** Starts a long-running `retort ...` (serve) and resolves once it printed a line matching `ready`. */
export function startRetort(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; ready: RegExp },
): Promise<{
  child: ChildProcess;
  line: string;
  output: () => { stdout: string; stderr: string };
}> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: env as NodeJS.ProcessEnv,
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`retort ${args.join(' ')} did not get ready: ${stderr}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => options.ready.test(l));
      if (line) {
        clearTimeout(timer);
        resolvePromise({ child, line, output: () => ({ stdout, stderr }) });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`retort ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolvePromise) => child.once('exit', (code) => resolvePromise(code)));
}
