import { defineConfig } from 'vitest/config';

const reportDir = process.env.HUANXIN_TEST_REPORT_DIR;

// Browser tests: start the built portal (apps/api/dist/main.js serving apps/web/dist), drive Debian's
// Chromium through playwright-core. One file at a time, one worker, generous timeouts.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    reporters: reportDir ? ['default', 'json'] : ['default'],
    ...(reportDir ? { outputFile: { json: `${reportDir}/web-e2e.json` } } : {}),
  },
});
