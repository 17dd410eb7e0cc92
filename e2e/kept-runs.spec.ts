import type { Page } from '@playwright/test';
import { openSignedIn, signIn } from './support/sign-in.ts';
import { expect, SIGNED_OUT, test } from './support/test.ts';

/** Counts this page's requests to the sync-runs endpoint, by integration. */
function countApi(page: Page) {
  const byIntegration = new Map<string, number>();
  page.on('request', (request) => {
    const match = /\/integrations\/([^/]+)\/sync-runs/.exec(request.url());
    if (match) byIntegration.set(match[1]!, (byIntegration.get(match[1]!) ?? 0) + 1);
  });
  return {
    total: () => [...byIntegration.values()].reduce((a, b) => a + b, 0),
    of: (name: string) => byIntegration.get(name) ?? 0,
    reset: () => byIntegration.clear(),
    max: () => Math.max(0, ...byIntegration.values()),
  };
}

async function storedRecords(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('sync-runs.run-cache');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('records')) return resolve([]);
          const request = db.transaction('records').objectStore('records').getAllKeys();
          request.onsuccess = () => resolve(request.result.map(String));
        };
        open.onerror = () => resolve([]);
      }),
  );
}

test.describe('ending with a sign-out', () => {
  // Signing out ends the identity provider's session and revokes its refresh token: its own sign-in.
  test.use(SIGNED_OUT);

  test('a reload shows the kept runs at once and asks the API only for what is new', async ({
    page,
  }) => {
    const api = countApi(page);
    await signIn(page, '/integrations/connectwise');
    const loaded = page.getByRole('status').filter({ hasText: /runs loaded\./ });
    await expect(loaded).toBeVisible();
    const total = Number((await loaded.innerText()).replace(/\D/g, ''));
    expect(api.of('connectwise')).toBeGreaterThan(10);
    await expect
      .poll(() => storedRecords(page))
      .toContainEqual(expect.stringMatching(/\|connectwise$/));

    api.reset();
    // A slow network: the kept runs show while the API is still answering.
    await page.route('**/sync-runs?**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await route.continue().catch(() => {});
    });
    await page.reload();
    await expect(page.getByText(/Showing runs kept in this browser, as of/)).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Sync runs table' }).getByRole('row').nth(5),
    ).toBeVisible();
    await expect(loaded).toBeVisible();
    await expect(page.getByText(/Showing runs kept in this browser/)).toHaveCount(0);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    expect(Number((await loaded.innerText()).replace(/\D/g, ''))).toBeGreaterThanOrEqual(total);
    expect(api.of('connectwise')).toBeLessThanOrEqual(3);

    // Sign-out leaves nothing kept.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(await storedRecords(page)).toEqual([]);
  });
});

test('a second visit to the overview costs about one request per integration', async ({ page }) => {
  const api = countApi(page);
  await openSignedIn(page);
  const cards = page.getByRole('article');
  await expect(
    page.getByRole('article', { name: 'HaloPSA' }).getByText('Failing runs'),
  ).toBeVisible();
  await expect
    .poll(async () => (await storedRecords(page)).length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(8);
  const first = api.total();
  api.reset();
  await page.reload();
  await expect(
    page.getByRole('article', { name: 'HaloPSA' }).getByText('Failing runs'),
  ).toBeVisible();
  await expect(
    page.getByRole('article', { name: 'ConnectWise PSA' }).getByText('Latest run'),
  ).toBeVisible();
  expect(await cards.count()).toBeGreaterThan(8);
  // At most two requests each (what is new, and the live check), fewer than the first visit's.
  expect(api.max()).toBeLessThanOrEqual(2);
  expect(api.total()).toBeLessThan(first);
});
