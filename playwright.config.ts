import { defineConfig, devices } from '@playwright/test';
import type { ServerOptions } from './e2e/fixtures';

const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 800 },
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  },
};

/**
 * The editor against the real server (`retort serve`) on a copy of examples/shop: once on
 * the embedded PGlite, once on the real Postgres when TEST_DATABASE_URL names one. The
 * `diagram-*` specs exercise the drawing alone (nothing reaches the database beyond the
 * fixture's setup), so they run once, on PGlite.
 *
 * Every test has its own server, project folder and database (e2e/fixtures.ts), so tests run
 * in parallel, one per worker: two, which keep both cores of a small machine busy while each
 * waits on its browser or server (`--workers=1` runs them one by one).
 */
export default defineConfig<ServerOptions>({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  timeout: 180_000,
  expect: { timeout: 15_000 },
  workers: 2,
  fullyParallel: true,
  forbidOnly: process.env.CI === 'true',
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'pglite',
      grepInvert: /@server-database/,
      use: { ...chromium, database: 'pglite' },
    },
    ...(process.env.TEST_DATABASE_URL || process.env.CI === 'true'
      ? [
          {
            name: 'postgres',
            testIgnore: /diagram-[^/]*\.spec\.ts$/,
            use: { ...chromium, database: 'postgres' as const },
          },
        ]
      : []),
  ],
});
