// `npm run screenshots`: pictures for the README, taken from the running app on the local stack
// (so they show what the code does today). Writes docs/screenshots/*.png.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { DEMO_USER } from '../local-idp/settings.ts';
import { findChromium } from './chromium-path.ts';
import { demoHostOrigin, startLocalStack } from './local-stack.ts';

const PORTS = { idpPort: 9743, standinPort: 9987, appPort: 4473, demoPort: 4474 };
const APP = `http://localhost:${PORTS.appPort}`;
const OUT = 'docs/screenshots';

mkdirSync(OUT, { recursive: true });
const stack = await startLocalStack({ ...PORTS, app: 'dev' });
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  const login = async () => {
    await page.getByLabel('Email').fill(DEMO_USER.username);
    await page.getByLabel('Password').fill(DEMO_USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  await page.goto(`${APP}/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await login();
  await page
    .getByRole('article', { name: 'ConnectWise PSA' })
    .getByText('Latest run')
    .waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${OUT}/overview.png`, fullPage: true });

  await page.goto(`${APP}/integrations/halopsa?range=7d&status=FAILURE`);
  await page.getByText(/runs loaded\./).waitFor({ timeout: 60_000 });
  await page
    .getByRole('button', { name: /Details of run/ })
    .first()
    .click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${OUT}/integration-failure.png`, fullPage: true });
  // The same page in the dark theme (followed from the system setting, as a user would have it).
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/integration-failure-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.goto(`${APP}/integrations/halopsa?range=7d`);
  await page.getByText(/runs loaded\./).waitFor({ timeout: 60_000 });
  const answer = page.getByRole('region', { name: 'Where is my record?' });
  await answer.getByLabel('What did you create?').selectOption({ index: 0 });
  await page.waitForTimeout(500);
  await answer.screenshot({ path: `${OUT}/answer-panel.png` });

  // A portal user of their own (no single sign-on from the pages above).
  const portal = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    timezoneId: 'UTC',
  });
  const host = await portal.newPage();
  await host.goto(`${demoHostOrigin(PORTS.demoPort)}/embed-demo.html`);
  await host.getByRole('button', { name: 'Sign in to the portal' }).click();
  await host.getByLabel('Email').fill(DEMO_USER.username);
  await host.getByLabel('Password').fill(DEMO_USER.password);
  await host.getByRole('button', { name: 'Sign in' }).click();
  await host
    .frameLocator('iframe[title="Sync Runs widget"]')
    .getByText(/runs loaded\./)
    .waitFor({ timeout: 60_000 });
  await host.waitForTimeout(1500);
  await host.screenshot({ path: `${OUT}/embedded-widget.png`, fullPage: true });

  // The same widget in a portal's 360-px side column.
  await host.locator('iframe[title="Sync Runs widget"]').evaluate((frame) => {
    frame.style.width = '360px';
  });
  await host.waitForTimeout(1500);
  await host.screenshot({ path: `${OUT}/embedded-widget-narrow.png`, fullPage: true });

  // A phone (360 × 740), signed in as above: the overview and an integration's first screen.
  const phone = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    timezoneId: 'UTC',
    storageState: await context.storageState(),
  });
  const mobile = await phone.newPage();
  await mobile.goto(`${APP}/`);
  await mobile
    .getByRole('article', { name: 'ConnectWise PSA' })
    .getByText('Latest run')
    .waitFor({ timeout: 60_000 });
  await mobile.waitForTimeout(1500);
  await mobile.screenshot({ path: `${OUT}/phone-overview.png` });
  await mobile.goto(`${APP}/integrations/halopsa?range=24h`);
  await mobile.getByText(/runs loaded\./).waitFor({ timeout: 60_000 });
  await mobile.waitForTimeout(1500);
  await mobile.screenshot({ path: `${OUT}/phone-integration.png` });
  console.log(`Screenshots written to ${OUT}/`);
} finally {
  await browser.close();
  await stack.close();
}
process.exit(0);
