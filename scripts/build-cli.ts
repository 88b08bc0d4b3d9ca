/**
 * Builds the `retort` executable (the CLI with the server inside) into
 * `packages/cli/dist/`: one ES module bundle plus the chunks its lazy imports load, so a
 * command starts without compiling TypeScript. Run by `npm run build` and on `npm install`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'packages/cli/dist');
const entry = join(outdir, 'retort.js');
const SOURCES = [
  'packages/core',
  'packages/codegen',
  'packages/migrate',
  'packages/cli',
  'apps/server',
];

export async function buildCli(): Promise<void> {
  const result = await build({
    entryPoints: { retort: join(root, 'packages/cli/src/main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    // Packages that load WebAssembly or data files next to their own modules stay in
    // node_modules, where those files are.
    // @dbml/core (20 MB of parsers) stays there too and loads only when DBML is read.
    external: ['@electric-sql/pglite', 'libpg-query', '@libpg-query/*', '@dbml/core'],
    // Bundled CommonJS dependencies (express, pg) call require for Node's built-ins.
    banner: {
      js: "import { createRequire as retortCreateRequire } from 'node:module'; const require = retortCreateRequire(import.meta.url);",
    },
    chunkNames: 'chunks/[name]-[hash]',
    // What this build validated, `.retort/` may remember for this build only.
    define: { RETORT_BUILD: JSON.stringify(buildId()) },
    logLevel: 'warning',
  });
  // Written in place and pruned after, so a retort already running keeps finding its chunks
  // while a rebuild happens.
  const written = new Set(Object.keys(result.metafile.outputs).map((path) => join(root, path)));
  for (const file of filesUnder(outdir)) if (!written.has(file)) rmSync(file);
}

/** A hash of every source the bundle is built from and of the locked dependencies. */
function buildId(): string {
  const hash = createHash('sha256');
  const files = [
    join(root, 'package-lock.json'),
    ...SOURCES.flatMap((dir) => [
      join(root, dir, 'package.json'),
      ...filesUnder(join(root, dir, 'src')),
    ]),
  ];
  for (const file of files.sort()) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 32);
}

/** Whether the bundle is older than any source it is built from. */
export function cliIsStale(): boolean {
  let built: number;
  try {
    built = statSync(entry).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((dir) =>
    [join(root, dir, 'package.json'), ...filesUnder(join(root, dir, 'src'))].some(
      (file) => statSync(file).mtimeMs > built,
    ),
  );
}

function filesUnder(dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildCli();
  console.log(`Built ${relative(root, entry)}.`);
}
