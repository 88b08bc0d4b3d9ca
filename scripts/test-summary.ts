/**
 * Prints one closing line for the whole `npm test` run, from the JSON reports that Vitest and
 * Playwright write to `reports/`: `tests: N passed, N failed, N skipped`, after how long each
 * part took and its slowest files, so a suite that grows slow is seen where it grows.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface VitestReport {
  startTime: number;
  testResults: { name: string; startTime: number; endTime: number }[];
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}
interface PlaywrightReport {
  stats: { duration: number; expected: number; unexpected: number; flaky: number; skipped: number };
  suites: PlaywrightSuite[];
}
interface PlaywrightSuite {
  file: string;
  specs?: { tests: { results: { duration: number }[] }[] }[];
  suites?: PlaywrightSuite[];
}

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const unit = read<VitestReport>('reports/vitest.json');
const e2e = read<PlaywrightReport>('reports/playwright.json');

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
const slowest = (files: [string, number][]) =>
  files
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, ms]) => `${name} ${seconds(ms)}`)
    .join(', ');

const unitEnd = Math.max(unit.startTime, ...unit.testResults.map((file) => file.endTime));
const unitFiles = unit.testResults.map((file): [string, number] => [
  relative(process.cwd(), file.name),
  file.endTime - file.startTime,
]);
const e2eFiles = new Map<string, number>();
const addSuite = (suite: PlaywrightSuite, file: string) => {
  for (const spec of suite.specs ?? [])
    for (const test of spec.tests)
      for (const result of test.results)
        e2eFiles.set(file, (e2eFiles.get(file) ?? 0) + result.duration);
  for (const inner of suite.suites ?? []) addSuite(inner, file);
};
for (const suite of e2e.suites) addSuite(suite, suite.file);
console.log(`unit: ${seconds(unitEnd - unit.startTime)}; slowest files: ${slowest(unitFiles)}`);
console.log(
  `browser: ${seconds(e2e.stats.duration)}; slowest files: ${slowest([...e2eFiles.entries()])}`,
);

const passed = unit.numPassedTests + e2e.stats.expected + e2e.stats.flaky;
const failed = unit.numFailedTests + e2e.stats.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped;
console.log(
  `unit: ${unit.numPassedTests} passed, browser: ${e2e.stats.expected + e2e.stats.flaky} passed`,
);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
