import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { localConfigJson } from './scripts/vite-local-config.ts';

// One build serves every deployment: runtime settings come from config.json (see README).
export default defineConfig({
  plugins: [react(), tailwindcss(), localConfigJson()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    sourcemap: true,
    rolldownOptions: {
      // redirect.html is MSAL's redirect bridge: a second, tiny entry that must not boot the app.
      input: { main: 'index.html', redirect: 'redirect.html' },
    },
  },
  test: {
    // Pure logic runs in Node; component tests opt into jsdom with a docblock.
    environment: 'node',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'neo-standin/**/*.test.ts', 'local-idp/**/*.test.ts'],
    css: false,
  },
});
