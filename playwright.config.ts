import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium-path.ts';
import { E2E_APP_ORIGIN } from './scripts/e2e-ports.ts';
import { SIGNED_IN_STATE } from './e2e/support/signed-in-state.ts';

const executablePath = findChromium() ?? undefined;
const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

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
      executablePath,
      args: [
        ...BASE_ARGS,
        // Playwright disables third-party storage partitioning; the last --disable-features wins,
        // so this restores it and cross-site iframes behave as in a real browser.
        '--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync',
      ],
    },
  },
  projects: [
    // Signs in once and saves the sign-in; most tests start from it (e2e/support/test.ts).
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    { name: 'chromium', dependencies: ['setup'], use: { storageState: SIGNED_IN_STATE } },
    {
      // The widget where the browser denies storage to third-party frames (third-party cookies
      // blocked, Brave, some embedded browsers): Chromium as Playwright launches it by default,
      // without storage partitioning, refuses every storage to the cross-site portal's frame.
      name: 'third-party-storage-denied',
      testMatch: /embed[^/]*\.spec\.ts$/,
      use: { launchOptions: { executablePath, args: BASE_ARGS } },
    },
  ],
  webServer: {
    command: 'npx tsx scripts/e2e-stack.ts',
    url: `${E2E_APP_ORIGIN}/config.json`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
