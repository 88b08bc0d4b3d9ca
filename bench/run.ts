/**
 * `npm run bench`: runs every benchmark, prints one table, and writes the results to
 * `bench/results/latest.json` (and a dated copy) so numbers can be compared across changes.
 * Targets live here, never in timed tests.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExpressionParser } from '@retort/core';

import type { Measurement } from './timing';

type Suite = { name: string; load: () => Promise<() => Promise<Measurement[]>> };

const suites: Suite[] = [
  { name: 'design', load: async () => (await import('./design')).benchDesign },
  { name: 'diff', load: async () => (await import('./diff')).benchDiff },
  { name: 'migrate', load: async () => (await import('./migrate')).benchMigrate },
  { name: 'import', load: async () => (await import('./import')).benchImport },
  { name: 'http', load: async () => (await import('./http')).benchHttp },
  { name: 'web', load: async () => (await import('./web')).benchWeb },
  { name: 'cli', load: async () => (await import('./cli')).benchCli },
];

await loadExpressionParser();
// `npm run bench -- cli --quick`: suites by name; --quick runs the slow ones smaller,
// --steps=N runs N successive one-column revisions in the cli suite.
const args = process.argv.slice(2);
if (args.includes('--quick')) process.env.RETORT_BENCH_QUICK = '1';
const steps = args.find((arg) => arg.startsWith('--steps='));
if (steps) process.env.RETORT_BENCH_STEPS = steps.slice('--steps='.length);
const only = args.filter((arg) => !arg.startsWith('--'));
const rows: (Measurement & { suite: string })[] = [];
let failed = false;
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  try {
    const bench = await suite.load();
    for (const m of await bench()) rows.push({ suite: suite.name, ...m });
  } catch (error) {
    failed = true;
    console.error(`bench ${suite.name} failed: ${error instanceof Error ? error.message : error}`);
  }
}

const width = Math.max(...rows.map((r) => r.name.length), 10);
console.log(`${'suite'.padEnd(8)} ${'measurement'.padEnd(width)} ${'value'.padStart(12)} unit`);
for (const r of rows) {
  const value = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(2);
  console.log(`${r.suite.padEnd(8)} ${r.name.padEnd(width)} ${value.padStart(12)} ${r.unit}`);
}

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'results');
mkdirSync(out, { recursive: true });
const latest = join(out, 'latest.json');
// Running a subset (`npm run bench -- web`) replaces only that suite's rows.
const ran = new Set(rows.map((r) => r.suite));
const kept: typeof rows =
  only.length > 0 && existsSync(latest)
    ? (JSON.parse(readFileSync(latest, 'utf8')).results as typeof rows).filter(
        (r) => !ran.has(r.suite),
      )
    : [];
const report = JSON.stringify(
  { date: new Date().toISOString(), node: process.version, results: [...kept, ...rows] },
  null,
  2,
);
writeFileSync(latest, `${report}\n`);
console.log(`\nwritten to ${join('bench', 'results', 'latest.json')}`);
process.exit(failed ? 1 : 0);
