import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { localConfigJson } from './scripts/vite-local-config.ts';
import { previewCaching } from './scripts/vite-preview-caching.ts';

// One build serves every deployment: runtime settings come from config.json (see README).
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// `@/…` is `src/…` (the same alias as in tsconfig*.json).
const SRC_ALIAS = [
  { find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) },
];

export default defineConfig({
  plugins: [react(), tailwindcss(), localConfigJson(), previewCaching()],
  resolve: { alias: SRC_ALIAS },
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(version) },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    sourcemap: true,
    rolldownOptions: {
      // redirect.html is MSAL's redirect bridge and popup-relay.html its relay for sign-in inside
      // iframes: small entries that must not boot the app.
      input: {
        main: 'index.html',
        redirect: 'redirect.html',
        popupRelay: 'popup-relay.html',
        // The embed demo host is for local development and tests only: not in a production build.
        ...(process.env.SYNC_RUNS_EMBED_DEMO === '1' ? { embedDemo: 'embed-demo.html' } : {}),
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          // Pure logic runs in Node; component tests opt into jsdom with a docblock.
          environment: 'node',
          globals: true,
          setupFiles: ['./src/test/setup.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
          css: false,
        },
      },
      {
        // The local servers make real HTTP requests: no MSW here. Plain Node, no DOM: what runs
        // here (the domain model included) is what a server can run.
        resolve: { alias: SRC_ALIAS },
        test: {
          name: 'servers',
          environment: 'node',
          include: [
            'neo-standin/**/*.test.ts',
            'local-idp/**/*.test.ts',
            'prod-server/**/*.test.ts',
            'watcher/**/*.test.ts',
            'server-kit/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
