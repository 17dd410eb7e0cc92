// The full app in a browser that refuses this site every cookie and storage (Chrome's "Don't allow
// sites to save data", or a policy that blocks all cookies): a page that says sign-in needs them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_APP_ORIGIN } from '../scripts/e2e-ports.ts';

test('a browser that refuses all site data is told that sign-in needs it, not shown a blank page', async ({
  playwright,
  launchOptions,
}) => {
  // A Chromium profile whose content setting blocks cookies and site data for every site.
  const profile = mkdtempSync(join(tmpdir(), 'sync-runs-no-site-data-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
  );
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...launchOptions,
    ignoreHTTPSErrors: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${E2E_APP_ORIGIN}/`);
    await expect(
      page.getByRole('heading', { name: 'Sign-in needs this site’s data allowed' }),
    ).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText(
      'This browser does not let Sync Runs keep cookies or site data, and signing in needs them.',
    );
    await expect(page.getByText(E2E_APP_ORIGIN)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
