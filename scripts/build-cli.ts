/**
 * Builds the `retort` executable (the CLI with the server inside) into
 * `packages/cli/dist/`: one ES module bundle plus the chunks its lazy imports load, so a
 * command starts without compiling TypeScript. Run by `npm run build` and on `npm install`.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'packages/cli/dist');

export async function buildCli(): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { retort: join(root, 'packages/cli/src/main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    // Packages that load WebAssembly or data files next to their own modules stay in
    // node_modules, where those files are.
    external: ['@electric-sql/pglite', 'libpg-query', '@libpg-query/*'],
    // Bundled CommonJS dependencies (express, pg) call require for Node's built-ins.
    banner: {
      js: "import { createRequire as retortCreateRequire } from 'node:module'; const require = retortCreateRequire(import.meta.url);",
    },
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildCli();
