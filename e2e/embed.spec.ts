import { expect, test } from '@playwright/test';
import { DEMO_USER } from '../local-idp/settings.ts';
import { E2E_APP_ORIGIN, E2E_DEMO_ORIGIN } from '../scripts/e2e-ports.ts';
import { submitLogin } from './support/sign-in.ts';

test('a portal on another site embeds the widget and hands it a token', async ({ page }) => {
  await page.goto(`${E2E_DEMO_ORIGIN}/embed-demo.html`);
  await page.getByRole('button', { name: 'Sign in to the portal' }).click();
  await submitLogin(page, DEMO_USER.username, DEMO_USER.password);
  await expect(page.getByText(`Signed in to the portal as ${DEMO_USER.username}`)).toBeVisible();

  const widget = page.frameLocator('iframe[title="Sync Runs widget"]');
  await expect(widget.getByText(/runs loaded\./)).toBeVisible();
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

test('without a host token the widget offers its own sign-in instead of a redirect', async ({
  page,
}) => {
  await page.goto('/integrations/halopsa?embed=1');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText(/not embedded/)).toBeVisible();
});
