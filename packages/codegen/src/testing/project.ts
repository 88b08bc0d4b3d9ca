/**
 * Throwaway TypeScript projects inside the repository (so `drizzle-orm`, `typeorm`,
 * `kysely` and `pg` resolve from the root node_modules, as they would in a user's app),
 * and the real tools run on them: `tsc`, and `tsx` for scripts that drive drizzle-kit and
 * TypeORM. Test support only: it does IO.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const codegenRoot = fileURLToPath(new URL('../../', import.meta.url));
const repoRoot = join(codegenRoot, '../..');
const bin = (name: string): string => join(repoRoot, 'node_modules/.bin', name);

/** What a user's tsconfig for these tools says: strict, decorators for TypeORM. */
const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  },
};

export interface TempProject {
  dir: string;
  write(path: string, text: string): void;
  remove(): void;
}

export function createTempProject(files: Record<string, string>): TempProject {
  const dir = join(codegenRoot, `.tmp-typecheck-${randomBytes(6).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  const write = (path: string, text: string): void => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  write('tsconfig.json', `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  write('package.json', '{ "type": "module", "private": true }\n');
  for (const [path, text] of Object.entries(files)) write(path, text);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  code: number;
  output: string;
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/**
 * `tsc --strict --noEmit --experimentalDecorators --emitDecoratorMetadata` over the given
 * files, exactly as flags on the command line (the project's tsconfig is not read).
 */
export function typecheck(project: TempProject, files: string[]): Promise<RunResult> {
  return run(
    bin('tsc'),
    [
      '--strict',
      '--noEmit',
      '--experimentalDecorators',
      '--emitDecoratorMetadata',
      '--target',
      'ES2022',
      '--module',
      'ESNext',
      '--moduleResolution',
      'Bundler',
      '--skipLibCheck',
      '--types',
      'node',
      ...files,
    ],
    project.dir,
  );
}

/** Runs a TypeScript script with tsx, which reads the project's tsconfig (decorators on). */
export function runScript(
  project: TempProject,
  script: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  return run(
    bin('tsx'),
    ['--tsconfig', join(project.dir, 'tsconfig.json'), script],
    project.dir,
    env,
  );
}
