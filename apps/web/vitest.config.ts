import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

const reportDir = process.env.HUANXIN_TEST_REPORT_DIR;

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      setupFiles: ['./src/test/setup.ts'],
      restoreMocks: true,
      testTimeout: 15_000,
      reporters: reportDir ? ['default', 'json'] : ['default'],
      ...(reportDir ? { outputFile: { json: `${reportDir}/web-unit.json` } } : {}),
    },
  }),
);
