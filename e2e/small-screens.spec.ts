import type { Page } from '@playwright/test';
import { DEMO_USER } from '../local-idp/settings.ts';
import { E2E_APP_ORIGIN, E2E_DEMO_ORIGIN } from '../scripts/e2e-ports.ts';
import { seriousViolations } from './support/axe.ts';
import { horizontalOverflow, smallTargets, unreachableControls } from './support/layout.ts';
import { openSignedIn, submitLogin } from './support/sign-in.ts';
import { expect, SIGNED_OUT, test } from './support/test.ts';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** No sideways page scroll, no control out of reach, every target finger-sized, axe clean. */
async function expectFitsPhone(page: Page, what: string) {
  const overflow = await horizontalOverflow(page);
  expect(overflow.offenders, `${what}: what sticks out`).toEqual([]);
  expect(overflow.pageWidth, `${what}: page width`).toBeLessThanOrEqual(overflow.viewportWidth);
  expect(await unreachableControls(page), `${what}: controls out of reach`).toEqual([]);
  expect(await smallTargets(page), `${what}: targets under 44 px`).toEqual([]);
  expect(await seriousViolations(page), `${what}: axe`).toEqual([]);
}

test.describe('signed out', () => {
  test.use(SIGNED_OUT);

  test('on a 360-px phone the sign-in screen fits the width, with finger-sized controls', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expectFitsPhone(page, 'sign-in');
  });
});

test('on a 360-px phone every screen fits the width, with finger-sized controls', async ({
  page,
}) => {
  await openSignedIn(page);
  await expect(
    page.getByRole('article', { name: 'ConnectWise PSA' }).getByText('Latest run'),
  ).toBeVisible();
  await expect(page.getByText(/Sync timeline, last 7 days/)).toBeVisible();
  await expectFitsPhone(page, 'overview');
  // The header folds the account and theme behind one button.
  await expect(page.getByText(DEMO_USER.name)).toBeHidden();
  await page.getByRole('button', { name: 'Account' }).click();
  await expect(page.getByText(DEMO_USER.name)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeVisible();

  await page.goto('/integrations/halopsa?range=7d');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  await expect(page.getByRole('application', { name: /Run timeline/ })).toBeVisible();
  await expectFitsPhone(page, 'integration page');
  // The runs table scrolls inside its own region; its key columns are on screen.
  const table = page.getByRole('region', { name: 'Sync runs table' });
  await table.scrollIntoViewIfNeeded();
  for (const column of ['Status', 'Started']) {
    const box = (await table.getByRole('columnheader', { name: column }).boundingBox())!;
    expect(box.x + box.width, `${column} column on screen`).toBeLessThanOrEqual(360);
  }
  await table
    .getByRole('button', { name: /Details of run/ })
    .first()
    .tap();
  await expect(page).toHaveURL(/run=/);
  await expectFitsPhone(page, 'a run opened');

  // The narrowest phones in use (320 px) fit too.
  await page.setViewportSize({ width: 320, height: 640 });
  await expect.poll(async () => (await horizontalOverflow(page)).offenders).toEqual([]);
  await page.goto('/');
  await expect(
    page.getByRole('article', { name: 'ConnectWise PSA' }).getByText('Latest run'),
  ).toBeVisible();
  expect((await horizontalOverflow(page)).offenders).toEqual([]);
});

test('the widget in a 360-px-wide portal column fits, with every control in reach', async ({
  browser,
}) => {
  // A desktop portal whose side column is 360 px wide; the portal signs in with its own app
  // registration, in a browser that has not signed in.
  const portal = await browser.newContext({
    ...SIGNED_OUT,
    viewport: { width: 1000, height: 800 },
    ignoreHTTPSErrors: true,
  });
  const page = await portal.newPage();
  await page.goto(`${E2E_DEMO_ORIGIN}/embed-demo.html`);
  await page.getByRole('button', { name: 'Sign in to the portal' }).click();
  await submitLogin(page, DEMO_USER.username, DEMO_USER.password);
  const widget = page.frameLocator('iframe[title="Sync Runs widget"]');
  await expect(widget.getByText(/runs loaded\./)).toBeVisible();
  await page.locator('iframe[title="Sync Runs widget"]').evaluate((frame) => {
    frame.style.width = '360px';
  });
  const frame = page.frames().find((f) => f.url().startsWith(E2E_APP_ORIGIN))!;
  await expect
    .poll(() => frame.evaluate(() => document.documentElement.clientWidth))
    .toBeLessThanOrEqual(360);
  const overflow = await horizontalOverflow(frame);
  expect(overflow.offenders).toEqual([]);
  expect(overflow.pageWidth).toBeLessThanOrEqual(overflow.viewportWidth);
  expect(await unreachableControls(frame)).toEqual([]);
  await expect(widget.getByRole('link', { name: /Open full dashboard/ })).toBeInViewport();
  expect(await seriousViolations(page)).toEqual([]);
  await portal.close();
});
