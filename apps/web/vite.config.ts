import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/**
 * antd parts only the staff console uses (the review queue's table, the sampling form's number input):
 * left out of the shared vendor chunks so they load with the console chunk, never for a resident.
 */
const CONSOLE_ONLY =
  /node_modules[\\/](antd[\\/](es|lib)[\\/](table|pagination|input-number|space)|@rc-component[\\/](table|pagination|input-number|mini-decimal))[\\/]/;

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
            // pdf.js (the reviewer's document viewer) stays in the lazily loaded viewer's own chunk.
            { name: 'pdfjs', test: /node_modules[\\/]pdfjs-dist[\\/]/, priority: 4 },
            // The program editor's schema forms (rjsf and its validator) load with the editor's chunk only.
            {
              name: 'schema-forms',
              test: /node_modules[\\/](@rjsf|@cfworker|@x0k|markdown-to-jsx|jsonpointer)[\\/]/,
              priority: 4,
              // Not the modules they import (antd, react): those stay in their own chunks for every page.
              includeDependenciesRecursively: false,
            },
            // The QR reader (the dealer counter's camera on browsers without BarcodeDetector) likewise.
            { name: 'qr-reader', test: /node_modules[\\/](barcode-detector|zxing-wasm)[\\/]/, priority: 4 },
            // ECharts (the public /stats page) likewise: loaded with that page only.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 4 },
            {
              name: 'antd',
              test: (id: string) =>
                /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/.test(id) &&
                !CONSOLE_ONLY.test(id),
              priority: 2,
            },
            {
              name: 'vendor',
              test: (id: string) => /node_modules/.test(id) && !CONSOLE_ONLY.test(id),
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
