import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium-path.ts';
import { E2E_APP_ORIGIN } from './scripts/e2e-ports.ts';

// End-to-end tests drive the production build in the system Chromium, against the local
// identity provider and the Neo API stand-in (started together by scripts/e2e-stack.ts).
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: E2E_APP_ORIGIN,
    // The local identity provider uses a self-signed development certificate.
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // Playwright disables third-party storage partitioning; the last --disable-features wins,
        // so this restores it and cross-site iframes behave as in a real browser.
        '--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync',
      ],
    },
  },
  webServer: {
    command: 'npx tsx scripts/e2e-stack.ts',
    url: `${E2E_APP_ORIGIN}/config.json`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
