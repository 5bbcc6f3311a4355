import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { TEST_TIMEOUT_MS } from './test/support/timeouts';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Limits that only a hang reaches: speed is measured by `npm run bench`, not by a test's time limit.
          testTimeout: TEST_TIMEOUT_MS,
          hookTimeout: TEST_TIMEOUT_MS,
          setupFiles: ['test/support/unit-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
      {
        test: {
          // The real-server suite (test/servers/README.md): real server software and real Chromium, one stack per file.
          name: 'servers',
          include: ['test/servers/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
