#!/usr/bin/env node
// Runs the built CLI (`npm run build` or `npm install` writes packages/cli/dist).
import { existsSync } from 'node:fs';

const built = new URL('../dist/retort.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('retort: the CLI is not built; run `npm run build` in the Retort folder.\n');
  process.exit(1);
}
await import(built.href);
