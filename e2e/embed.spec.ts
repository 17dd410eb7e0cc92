import { DEMO_USER } from '../local-idp/settings.ts';
import { E2E_APP_ORIGIN, E2E_DEMO_ORIGIN } from '../scripts/e2e-ports.ts';
import { submitLogin } from './support/sign-in.ts';
import { expect, SIGNED_OUT, test } from './support/test.ts';

// The portal signs in with its own app registration, and the widget through its own popup.
test.use(SIGNED_OUT);

// This spec runs twice (playwright.config.ts): in a browser that partitions third-party storage,
// and in one that denies it to the portal's frame, where the widget works in memory and says so.
const STORAGE_DENIED = () => test.info().project.name === 'third-party-storage-denied';
const NOTHING_KEPT =
  /^This browser keeps nothing for this page: saved views, the remembered time zone( and kept runs)? last only until you leave\.$/;

test('a portal on another site embeds the widget and hands it a token', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${E2E_DEMO_ORIGIN}/embed-demo.html`);
  await page.getByRole('button', { name: 'Sign in to the portal' }).click();
  await submitLogin(page, DEMO_USER.username, DEMO_USER.password);
  await expect(page.getByText(`Signed in to the portal as ${DEMO_USER.username}`)).toBeVisible();

  const widget = page.frameLocator('iframe[title="Sync Runs widget"]');
  await expect(widget.getByText(/runs loaded\./)).toBeVisible();
  // Where the frame is refused storage, the widget says once what it will not remember.
  if (STORAGE_DENIED())
    await expect(widget.getByRole('status').getByText(NOTHING_KEPT)).toBeVisible();
  else await expect(widget.getByText(NOTHING_KEPT)).toHaveCount(0);
  expect(errors).toEqual([]);
  // No app chrome in the widget; a way out to the full dashboard at the same view.
  await expect(widget.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  const open = widget.getByRole('link', { name: /Open full dashboard/ });
  await expect(open).toHaveAttribute('target', '_blank');
  const href = await open.getAttribute('href');
  expect(href).toBe(`${E2E_APP_ORIGIN}/integrations/halopsa`);

  // The host sized the iframe from the widget's height messages.
  await expect
    .poll(async () => (await page.locator('iframe').boundingBox())?.height ?? 0)
    .toBeGreaterThan(500);
});

test.describe('without a host token', () => {
  // Known flake, not proven understood: in about 1 of 8 full-suite runs (stop 10) MSAL's relay never
  // handed the identity provider's answer back to the iframe. A race read in MSAL's relay code (its
  // 500 ms "popup closed?" poll against the bridge's broadcast) is closed off in
  // src/redirect-bridge.ts. One retry stays, reported as "flaky", until runs show the flake gone.
  test.describe.configure({ retries: 1 });

  test('when the host does not answer, the widget signs in through a popup and the relay page', async ({
    page,
  }) => {
    // A page on the allowed portal origin that frames the widget but never answers token requests.
    const view = `${E2E_APP_ORIGIN}/integrations/halopsa?range=24h&status=FAILURE&q=Ticket`;
    await page.goto(`${E2E_DEMO_ORIGIN}/redirect.html`);
    await page.evaluate((src) => {
      document.body.innerHTML = '';
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.title = 'Silent host widget';
      frame.style.width = '1000px';
      frame.style.height = '800px';
      document.body.append(frame);
    }, view);
    const widget = page.frameLocator('iframe[title="Silent host widget"]');
    await expect(widget.getByText(/did not answer the token request/)).toBeVisible({
      timeout: 15_000,
    });

    const [relay] = await Promise.all([
      page.waitForEvent('popup'),
      widget.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await expect(relay).toHaveURL(/popup-relay\.html/);
    const [idp] = await Promise.all([
      relay.waitForEvent('popup'),
      relay.getByRole('button', { name: 'Continue to sign in' }).click(),
    ]);
    await submitLogin(idp, DEMO_USER.username, DEMO_USER.password);
    await expect(widget.getByText(/runs loaded\./)).toBeVisible({ timeout: 20_000 });
    // Signed in on the very view the portal linked: same window, filter and search.
    expect(page.frames().map((frame) => frame.url())).toContain(view);
    await expect(widget.getByRole('searchbox', { name: 'Search' })).toHaveValue('Ticket');
    await expect(
      widget
        .getByRole('group', { name: 'Filter by status' })
        .getByRole('button', { name: /Failure/ }),
    ).toHaveAttribute('aria-pressed', 'true');
  });
});

test('a page that is not an allowed portal gets a notice and a link out, never sign-in or data', async ({
  page,
}) => {
  // Any static host serves dist/ without frame-ancestors, so the widget itself must refuse. The
  // parent here is a page of another origin than the allowed portal (the same server by another name).
  const widgetOrigin = E2E_APP_ORIGIN.replace('localhost', '127.0.0.1');
  const apiRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/public-api/')) apiRequests.push(request.url());
  });
  await page.goto(`${E2E_APP_ORIGIN}/redirect.html`);
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'Sync Runs widget';
    frame.width = '600';
    frame.height = '400';
    document.body.append(frame);
  }, `${widgetOrigin}/integrations/halopsa?embed=1`);
  const widget = page.frameLocator('iframe[title="Sync Runs widget"]');
  await expect(widget.getByRole('heading', { name: /not allowed here/i })).toBeVisible();
  const open = widget.getByRole('link', { name: /Open Sync Runs in a new tab/ });
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('href', `${widgetOrigin}/integrations/halopsa`);
  await expect(widget.getByRole('button', { name: /sign in/i })).toHaveCount(0);
  await page.waitForTimeout(1000);
  expect(apiRequests).toEqual([]);
});
