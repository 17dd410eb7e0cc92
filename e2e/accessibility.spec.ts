import { DEMO_USER } from '../local-idp/settings.ts';
import { E2E_DEMO_ORIGIN } from '../scripts/e2e-ports.ts';
import { seriousViolations } from './support/axe.ts';
import { useFaultyStandin } from './support/faulty-standin.ts';
import { openSignedIn, submitLogin } from './support/sign-in.ts';
import { expect, SIGNED_OUT, test } from './support/test.ts';

test.describe('signed out', () => {
  test.use(SIGNED_OUT);

  test('the sign-in screen has no serious axe violations', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('the overview and an integration page have no serious axe violations', async ({ page }) => {
  await openSignedIn(page);
  await expect(
    page.getByRole('article', { name: 'ConnectWise PSA' }).getByText('Latest run'),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/integrations/halopsa?range=24h&run=');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  await page
    .getByRole('button', { name: /Details of run/ })
    .first()
    .click();
  expect(await seriousViolations(page)).toEqual([]);
});

test('loading, error, empty and not-connected states have no serious axe violations', async ({
  page,
}) => {
  // Loading: every answer from this stand-in is 2.5 s late, so the skeletons are up.
  await useFaultyStandin(page, 'slow');
  await openSignedIn(page, '/integrations/connectwise?range=24h');
  await expect(page.getByText(/Loaded [\d,]+ runs…|Loading/).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.unroute('**/config.json');

  // An error the API will not fix by retrying.
  await page.route('**/public-api/integrations/halopsa/sync-runs?*', (route) =>
    route.fulfill({
      status: 403,
      json: {
        error: { code: 'forbidden', message: 'Not for your role.' },
        meta: { request_id: '7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a' },
      },
    }),
  );
  await page.goto('/integrations/halopsa?range=24h');
  await expect(page.getByRole('alert').filter({ hasText: 'forbidden' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.unroute('**/public-api/integrations/halopsa/sync-runs?*');

  // Empty: a window with no runs in it.
  const until = Date.now() - 40 * 86_400_000;
  await page.goto(
    `/integrations/halopsa?since=${new Date(until - 86_400_000).toISOString()}&until=${new Date(until).toISOString()}`,
  );
  await expect(page.getByText('0 runs loaded.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // An integration that is not connected.
  await page.goto('/integrations/autotask');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/not connected/i).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('the portal signs in', () => {
  // The portal's own sign-in (its app registration), in a browser that has not signed in.
  test.use(SIGNED_OUT);

  test('the embedded widget has no serious axe violations', async ({ page }) => {
    await page.goto(`${E2E_DEMO_ORIGIN}/embed-demo.html`);
    await page.getByRole('button', { name: 'Sign in to the portal' }).click();
    await submitLogin(page, DEMO_USER.username, DEMO_USER.password);
    const widget = page.frameLocator('iframe[title="Sync Runs widget"]');
    await expect(widget.getByText(/runs loaded\./)).toBeVisible();
    // axe checks the frames of the page too.
    expect(await seriousViolations(page)).toEqual([]);

    // The portal switches to its dark theme and tells the widget (a message, not a reload).
    await page.getByLabel('Dark theme').check();
    await expect(widget.locator('html')).toHaveClass(/dark/);
    await expect(page.locator('iframe[title="Sync Runs widget"]')).not.toHaveAttribute(
      'src',
      /theme=/,
    );
    await expect(widget.getByText(/runs loaded\./)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('the dark theme follows the system, is remembered, and keeps its contrast', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openSignedIn(page, '/integrations/halopsa?range=24h&status=FAILURE');
  const html = page.locator('html');
  await expect(html).toHaveClass(/dark/);
  await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  await page
    .getByRole('button', { name: /Details of run/ })
    .first()
    .click();
  // Chart marks take the dark theme's status colours, not the light ones.
  await expect(page.getByTestId('timeline-mark').first()).toHaveCSS('fill', 'rgb(248, 113, 113)');
  expect(await seriousViolations(page)).toEqual([]);

  // An explicit choice wins over the system setting and survives a reload.
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(html).not.toHaveClass(/dark/);
  await page.reload();
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  await expect(html).not.toHaveClass(/dark/);
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
  await expect(page.getByTestId('timeline-mark').first()).toHaveCSS('fill', 'rgb(185, 28, 28)');

  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveClass(/dark/);
  await page.goto('/');
  await expect(
    page.getByRole('article', { name: 'ConnectWise PSA' }).getByText('Latest run'),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the chart and table work from the keyboard', async ({ page }) => {
  await openSignedIn(page, '/integrations/itglue?range=24h');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  const chart = page.getByRole('application', { name: /Run timeline/ });
  await chart.focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('tooltip')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/run=/);
  const selected = page.locator('tr[aria-selected="true"]');
  await expect(selected).toBeVisible();

  // Sort by duration with the keyboard.
  await page.getByRole('button', { name: /Duration/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('columnheader', { name: /Duration/ })).toHaveAttribute(
    'aria-sort',
    /ascending|descending/,
  );
});

/** Presses Tab until `target` has focus (at most `max` times): proves it is reachable by keyboard. */
async function tabTo(
  page: import('@playwright/test').Page,
  target: import('@playwright/test').Locator,
  max = 60,
) {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

test.describe('signing in by keyboard', () => {
  test.use(SIGNED_OUT);

  test('the whole journey works by keyboard alone, with a visible focus ring', async ({ page }) => {
    await page.goto('/');
    await tabTo(page, page.getByRole('button', { name: 'Sign in' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/login\//);
    await tabTo(page, page.getByLabel('Email'));
    await page.keyboard.type(DEMO_USER.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_USER.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    // Overview → an integration.
    const link = page.getByRole('link', { name: 'HaloPSA', exact: true });
    await tabTo(page, link);
    const ring = await link.evaluate((el) => {
      const style = getComputedStyle(el);
      return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
    });
    expect(ring).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.getByText(/runs loaded\./)).toBeVisible();

    // Filter to failures, then open the first run's details.
    const failures = page.getByRole('group', { name: 'Filter by status' }).getByRole('button', {
      name: /Failure/,
    });
    await tabTo(page, failures);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/status=FAILURE/);
    const details = page.getByRole('button', { name: /Details of run/ }).first();
    await tabTo(page, details, 200);
    await page.keyboard.press('Enter');
    await expect(details).toHaveAttribute('aria-expanded', 'true');
  });
});

test('every control reached by Tab shows where the focus is, in both themes', async ({ page }) => {
  await openSignedIn(page, '/integrations/halopsa?range=24h');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  await page
    .getByRole('button', { name: /Details of run/ })
    .first()
    .click();
  for (const theme of ['Light', 'Dark']) {
    await page.getByRole('radio', { name: theme }).check();
    await page.locator('body').focus();
    const unmarked = new Set<string>();
    const visited = new Set<string>();
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press('Tab');
      const found = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        // A visually hidden radio shows its ring on its label.
        const shown = el.matches('input[type=radio]') ? el.closest('label') : el;
        const style = getComputedStyle(shown ?? el);
        const ring =
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== 'none';
        const name = (
          el.getAttribute('aria-label') ??
          el.getAttribute('placeholder') ??
          el.getAttribute('type') ??
          el.textContent ??
          el.tagName
        ).trim();
        return { name: `${el.tagName.toLowerCase()} "${name.slice(0, 40)}"`, ring };
      });
      if (!found) continue;
      visited.add(found.name);
      if (!found.ring) unmarked.add(found.name);
    }
    expect(visited.size).toBeGreaterThan(20);
    expect([...unmarked], `${theme}: focused without a visible ring`).toEqual([]);
  }
});
