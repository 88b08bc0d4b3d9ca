import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const api = process.env.RETORT_API ?? 'http://127.0.0.1:4000';

/**
 * Postgres' parser (libpg-query) fetches its WebAssembly relative to the page, so the
 * editor serves it beside index.html, in development and in the build.
 */
function postgresParserWasm(): Plugin {
  const name = 'libpg-query.wasm';
  const file = createRequire(import.meta.url).resolve(`libpg-query/wasm/${name}`);
  return {
    name: 'retort-postgres-parser-wasm',
    configureServer(server) {
      server.middlewares.use(`/${name}`, (_req, res) => {
        res.setHeader('Content-Type', 'application/wasm');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: name, source: readFileSync(file) });
    },
  };
}

export default defineConfig({
  plugins: [react(), postgresParserWasm()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1', proxy: { '/api': { target: api, changeOrigin: false } } },
});
