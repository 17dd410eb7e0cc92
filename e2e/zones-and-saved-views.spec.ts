import { DEMO_USER } from '../local-idp/settings.ts';
import { E2E_DEMO_ORIGIN } from '../scripts/e2e-ports.ts';
import { openSignedIn, signIn, submitLogin } from './support/sign-in.ts';
import { expect, SIGNED_OUT, test } from './support/test.ts';

test('any time zone from a link or the picker, remembered with the last preset', async ({
  page,
  context,
}) => {
  await openSignedIn(page, '/integrations/halopsa?range=24h&tz=Europe/Berlin');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  await expect(page.getByText('Times in Europe/Berlin (GMT+1)')).toBeVisible();
  const table = page.getByRole('region', { name: 'Sync runs table' });
  await expect(table.locator('time').first()).toContainText('GMT+1');

  // A custom range is typed in the shown zone.
  await page.getByRole('button', { name: 'Custom range' }).click();
  await page.getByLabel('From (Europe/Berlin)').fill('2026-11-30T09:00');
  await page.getByLabel('To (Europe/Berlin)').fill('2026-11-30T12:00');
  await page.getByRole('button', { name: 'Apply range' }).click();
  await expect(page).toHaveURL(/since=2026-11-30T08%3A00%3A00.000Z&until=2026-11-30T11%3A00/);

  // Pick another zone by searching for its city, with the keyboard.
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await page.getByRole('button', { name: 'Change time zone' }).click();
  await page.getByRole('combobox', { name: 'Time zone' }).fill('new york');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/tz=America%2FNew_York/);
  await expect(page.getByText('Times in America/New_York (EST)')).toBeVisible();
  await expect(table.locator('time').first()).toContainText('EST');

  // The next visit to a bare link opens in the last chosen zone and preset; a link's own wins.
  const next = await context.newPage();
  await next.goto('/integrations/halopsa');
  await expect(next.getByText('Times in America/New_York (EST)')).toBeVisible();
  await expect(next.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await next.goto('/integrations/halopsa?range=24h&tz=utc');
  await expect(next.getByRole('button', { name: 'Show UTC' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(next.getByRole('button', { name: 'Last 24 hours' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // A zone that does not exist gets a notice and the remembered zone.
  await next.goto('/integrations/halopsa?tz=Mars/Olympus');
  await expect(
    next.getByText('"Mars/Olympus" is not a time zone; showing America/New_York.'),
  ).toBeVisible();
});

test('a saved view reopens from the list and is shared as its link', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSignedIn(
    page,
    '/integrations/halopsa?range=7d&status=FAILURE&sort=duration&tz=Asia/Tokyo',
  );
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).fill('Ticket');
  await expect(page).toHaveURL(/q=Ticket/);
  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('textbox', { name: 'Name of this view' }).fill('Halo ticket failures');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved “Halo ticket failures”.')).toBeVisible();
  // What the app keeps in this browser holds no run and no search text (issue 32).
  const kept = await page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((storage) =>
      Object.keys(storage)
        .filter((key) => key.startsWith('sync-runs.'))
        .map((key) => [key, storage.getItem(key) ?? ''] as const),
    ),
  );
  expect(kept.map(([key]) => key)).toContain('sync-runs.saved-views');
  for (const [key, value] of kept) {
    expect(value, key).not.toContain('Ticket');
    expect(value, key).not.toMatch(/run_id|"runs"/i);
    if (key.startsWith('sync-runs.sent-times:')) expect(value).toMatch(/^\[[\d,]*\]$/);
  }

  // From the overview, the saved view opens exactly as it was.
  await page.getByRole('link', { name: 'Integrations' }).first().click();
  const saved = page.getByRole('region', { name: 'Saved views' });
  await saved.getByRole('link', { name: 'Halo ticket failures' }).click();
  await expect(page).toHaveURL(/\/integrations\/halopsa\?/);
  // Everything but the search text, which is never kept.
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByText(/Times in Asia\/Tokyo/)).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /Duration/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );

  // Its link opens the same view in another browser, after that user signs in.
  await page.getByRole('button', { name: /Saved views \(1\)/ }).click();
  await page.getByRole('button', { name: 'Copy a link to “Halo ticket failures”' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/range=7d/);
  expect(link).not.toMatch(/q=/);
  // (A context made here starts from the test's storage state unless told otherwise.)
  const fresh = await browser.newContext({ ...SIGNED_OUT, ignoreHTTPSErrors: true });
  const other = await fresh.newPage();
  await signIn(other, link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.getByText(/Times in Asia\/Tokyo/)).toBeVisible();
  // Saved views live in the browser that saved them only.
  await expect(other.getByRole('button', { name: 'Saved views (0)' })).toBeVisible();
  await fresh.close();

  // Deleting it removes it everywhere in this browser.
  await page.getByRole('button', { name: 'Delete saved view “Halo ticket failures”' }).click();
  await expect(page.getByRole('button', { name: 'Saved views (0)' })).toBeVisible();
});

test.describe('the portal signs in', () => {
  // The portal's own sign-in (its app registration), in a browser that has not signed in.
  test.use(SIGNED_OUT);

  test('the widget shows times in a chosen zone and saves views too', async ({ page }) => {
    await page.goto(`${E2E_DEMO_ORIGIN}/embed-demo.html`);
    await page.getByRole('button', { name: 'Sign in to the portal' }).click();
    await submitLogin(page, DEMO_USER.username, DEMO_USER.password);
    const widget = page.frameLocator('iframe[title="Sync Runs widget"]');
    await expect(widget.getByText(/runs loaded\./)).toBeVisible();
    // The table is drawn a moment after the count (a deferred render): click once the page is done,
    // as a person would. A click into a cross-origin frame during that render could be lost.
    await expect(widget.getByText(/Showing [1-9][\d,]* of [1-9][\d,]* runs\./)).toBeVisible();
    await widget.getByRole('button', { name: 'Change time zone' }).click();
    await widget.getByRole('combobox', { name: 'Time zone' }).fill('kolkata');
    await widget.getByRole('option', { name: /Asia\/Kolkata/ }).click();
    await expect(widget.getByText(/Times in Asia\/Kolkata \(GMT\+5:30\)/)).toBeVisible();
    await widget.getByRole('button', { name: 'Save view' }).click();
    await widget.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(widget.getByText(/Saved “HaloPSA · Last 30 days”/)).toBeVisible();
    await widget.getByRole('button', { name: 'Saved views (1)' }).click();
    await expect(widget.getByRole('link', { name: 'HaloPSA · Last 30 days' })).toBeVisible();
  });
});
