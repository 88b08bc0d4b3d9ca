/**
 * Prints one closing line for the whole `npm test` run, from the JSON reports that Vitest and
 * Playwright write to `reports/`: `tests: N passed, N failed, N skipped`.
 */
import { readFileSync } from 'node:fs';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const unit = read<VitestReport>('reports/vitest.json');
const e2e = read<PlaywrightReport>('reports/playwright.json');

const passed = unit.numPassedTests + e2e.stats.expected + e2e.stats.flaky;
const failed = unit.numFailedTests + e2e.stats.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped;
console.log(
  `unit: ${unit.numPassedTests} passed, browser: ${e2e.stats.expected + e2e.stats.flaky} passed`,
);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
