import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

// The API (apps/api) serves /api and, in production, this build from apps/web/dist on the same origin.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // Use the shared package's TypeScript source so the browser runs exactly the code the server runs,
    // with hot reload while the domain engine changes.
    // Exact matches: `@huanxin/shared/testing` (test fixtures) is its own entry, never in the app bundle.
    alias: [
      { find: /^@huanxin\/shared$/, replacement: here('../../packages/shared/src/index.ts') },
      {
        find: /^@huanxin\/shared\/testing$/,
        replacement: here('../../packages/shared/src/testing/index.ts'),
      },
      { find: '@/', replacement: here('./src/') },
    ],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    sourcemap: true,
    // antd is one ~660 kB (213 kB gzip) vendor chunk, cached across releases; warn above that.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // The shared package freezes its exported constants (e.g. the program catalogue, which the browser gets
      // from the API instead): treat Object.freeze as pure so unused ones are dropped from the bundle.
      treeshake: { manualPureFunctions: ['Object.freeze'] },
      output: {
        // Long-lived vendor chunks: a portal release then re-downloads only our own code.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 3,
            },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
});
