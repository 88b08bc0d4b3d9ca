import { defineConfig } from 'vitest/config';
import { SlowestFirstSequencer } from './vitest.sequencer';

/**
 * Tests that fill the real server's shared lock table (a 1000-table design in one
 * transaction) run after all others, alone: beside them, any other test's transaction on the
 * same server fails with "out of shared memory".
 */
const EXCLUSIVE = ['packages/migrate/src/runner/lock-budget.test.ts'];

export default defineConfig({
  test: {
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirstSequencer },
    globalSetup: ['./vitest.global-setup.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/*/src/**/*.test.{ts,tsx}',
            'apps/*/test/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', ...EXCLUSIVE],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'alone', include: EXCLUSIVE, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
