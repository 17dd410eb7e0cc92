import { openSignedIn, signIn } from './support/sign-in.ts';
import { expect, SIGNED_OUT, test } from './support/test.ts';

test('overview → integration → chart → drill down to a failure → search → window → deep link', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSignedIn(page);

  // Overview: every configured integration, with the documented 404s as plain-language states.
  await expect(
    page.getByRole('article', { name: 'HaloPSA' }).getByText('Failing runs'),
  ).toBeVisible();
  await page.getByRole('link', { name: 'HaloPSA' }).click();
  await expect(page.getByRole('heading', { name: /HaloPSA/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /runs loaded\./ })).toBeVisible();

  // The chart has a text alternative and answers hover with a tooltip.
  const chart = page.getByRole('application', { name: /Run timeline/ });
  await expect(chart).toBeVisible();
  await expect(page.getByText(/runs: .*failure/)).toBeVisible();
  const failureMark = page.locator('[data-testid="timeline-mark"][data-status="FAILURE"]').last();
  await failureMark.hover();
  await expect(page.getByRole('tooltip')).toBeVisible();

  // In a narrow window every bar is one run: clicking one selects it in the table.
  await page.getByRole('button', { name: 'Last 24 hours' }).click();
  await page.locator('[data-testid="timeline-mark"][data-status="FAILURE"]').last().click();
  await expect(page).toHaveURL(/run=/);
  await expect(page.locator('tr[aria-selected="true"]')).toBeVisible();
  await page.getByRole('button', { name: 'Last 30 days' }).click();

  // Narrow to failures and search for the failing resource.
  await page
    .getByRole('group', { name: 'Filter by status' })
    .getByRole('button', { name: /Failure/ })
    .click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('Ticket Types');
  await expect(page).toHaveURL(/q=Ticket\+Types|q=Ticket%20Types/);
  const table = page.getByRole('region', { name: 'Sync runs table' });
  const firstDetails = table.getByRole('button', { name: /Details of run/ }).first();
  await firstDetails.click();
  await expect(table.getByRole('cell', { name: 'Ticket Types' }).first()).toBeVisible();
  await expect(table.getByText('permission_denied').first()).toBeVisible();
  await expect(page).toHaveURL(/run=/);

  // Change the window; filters survive.
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('Ticket Types');

  // Copy a deep link and open it in a fresh browser session: same run, selected and expanded.
  const selectedRun = new URL(page.url()).searchParams.get('run');
  expect(selectedRun).toBeTruthy();
  await page.getByRole('button', { name: 'Copy a link to exactly this view' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain(`run=${selectedRun}`);
  expect(link).toMatch(/since=.*until=/);

  // (A context made here starts from the test's storage state unless told otherwise.)
  const fresh = await browser.newContext({ ...SIGNED_OUT, ignoreHTTPSErrors: true });
  const other = await fresh.newPage();
  await signIn(other, link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other).toHaveURL(new RegExp(`run=${selectedRun}`));
  const selectedRow = other.locator(`tr[data-run-id="${selectedRun}"]`);
  await expect(selectedRow).toBeVisible();
  await expect(selectedRow).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByRole('cell', { name: 'Ticket Types' }).first()).toBeVisible();
  await fresh.close();
});

test('each documented 404 has its own plain-language state', async ({ page }) => {
  await openSignedIn(page);
  await page.goto('/integrations/autotask');
  await expect(page.getByText('Not connected for this tenant', { exact: true })).toBeVisible();
  await page.goto('/integrations/m365');
  await expect(page.getByText('Does not run scheduled syncs', { exact: true })).toBeVisible();
  await page.goto('/integrations/not-a-real-integration');
  await expect(page.getByText('Unknown integration name', { exact: true })).toBeVisible();
});

test('a failed page keeps what loaded and offers a retry from where it stopped', async ({
  page,
}) => {
  // Start on a page that loads nothing of connectwise, so only the integration page's requests are seen.
  await openSignedIn(page, '/integrations/autotask');
  let failing = true;
  const cursors: string[] = [];
  await page.route('**/public-api/integrations/connectwise/sync-runs?*', async (route) => {
    const url = new URL(route.request().url());
    const cursor = url.searchParams.get('cursor');
    if (cursor) cursors.push(cursor);
    if (failing && cursor) {
      await route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'FORBIDDEN', message: 'Your role cannot read older runs.' },
          meta: { request_id: '5f0c3b1e-8d2a-4e6f-9a7b-1c2d3e4f5a6b' },
        }),
      });
      return;
    }
    await route.continue();
  });
  await page.goto('/integrations/connectwise');
  const alert = page.getByRole('alert').filter({ hasText: /Loading stopped after [\d,]+ runs/ });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('FORBIDDEN');
  await expect(alert).toContainText('5f0c3b1e-8d2a-4e6f-9a7b-1c2d3e4f5a6b');
  // The first page stays on screen.
  await expect(
    page.getByRole('region', { name: 'Sync runs table' }).getByRole('row').nth(5),
  ).toBeVisible();

  failing = false;
  await alert.getByRole('button', { name: 'Retry from where it stopped' }).click();
  await expect(page.getByRole('status').filter({ hasText: /runs loaded\./ })).toBeVisible();
  // The retry asked for the same cursor that failed, not the first page again.
  expect(cursors[0]).toBeTruthy();
  expect(cursors.filter((c) => c === cursors[0]).length).toBe(2);
});
