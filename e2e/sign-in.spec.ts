import { DEMO_USER } from '../local-idp/settings.ts';
import { signIn, submitLogin } from './support/sign-in.ts';
import { expect, SIGNED_OUT, test } from './support/test.ts';

// About signing in and out: a browser that has not signed in.
test.use(SIGNED_OUT);

test('signs in through the identity provider and shows demo runs from the API', async ({
  page,
}) => {
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/public-api/'))
      apiCalls.push(request.headers().authorization ?? '');
  });

  await signIn(page);

  await expect(page.getByText(DEMO_USER.name)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Integrations' })).toBeVisible();
  const connectwise = page.getByRole('article', { name: 'ConnectWise PSA' });
  await expect(connectwise.getByText('Latest run')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Autotask' })).toContainText(
    'Not connected for this tenant',
  );
  await expect(page.getByRole('article', { name: 'Microsoft 365' })).toContainText(
    'Does not run scheduled syncs',
  );

  await connectwise.getByRole('link', { name: 'ConnectWise PSA' }).click();
  await expect(page).toHaveURL(/\/integrations\/connectwise$/);
  const loaded = page.getByRole('status').filter({ hasText: /runs loaded\./ });
  await expect(loaded).toBeVisible();
  // 30 days of a 15-minute cadence: thousands of runs, paged through without a click.
  const total = Number((await loaded.innerText()).replace(/\D/g, ''));
  expect(total).toBeGreaterThan(2000);
  await expect(
    page.getByRole('region', { name: 'Sync runs table' }).getByRole('row').nth(10),
  ).toBeVisible();

  // Every API call carried a bearer JWT from the identity provider, never an API key.
  expect(apiCalls.length).toBeGreaterThan(0);
  for (const auth of apiCalls) expect(auth).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
});

test('signs out back to the sign-in screen', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(DEMO_USER.name)).toHaveCount(0);
});

test('a link opened in a new tab of a signed-in browser shows its view at once; signing out in one tab signs out all', async ({
  page,
  context,
}) => {
  await signIn(page, '/integrations/halopsa?range=24h&status=FAILURE');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  await page
    .getByRole('region', { name: 'Sync runs table' })
    .getByRole('button', { name: /Details of run/ })
    .first()
    .click();
  await expect(page).toHaveURL(/run=/);
  const link = page.url();
  const runId = new URL(link).searchParams.get('run')!;

  // A support link opened in a new tab: no sign-in screen, no trip to the identity provider.
  const tab = await context.newPage();
  const navigations: string[] = [];
  tab.on('request', (request) => {
    if (request.isNavigationRequest()) navigations.push(request.url());
  });
  await tab.goto(link);
  const row = tab.locator(`tr[data-run-id="${runId}"]`);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(tab.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(tab.getByText(DEMO_USER.name)).toBeVisible();
  await expect(
    tab.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: /Failure/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  expect(navigations.every((url) => new URL(url).origin === new URL(link).origin)).toBe(true);

  // Sign out in the first tab: the other tab shows the signed-out screen, without its runs.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await tab.bringToFront();
  await tab.mouse.click(5, 5);
  await expect(tab.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(tab.getByText(DEMO_USER.name)).toHaveCount(0);
  await expect(tab.locator(`tr[data-run-id="${runId}"]`)).toHaveCount(0);
  // And a reload of it stays signed out: the shared cache holds no account any more.
  await tab.reload();
  await expect(tab.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a wrong password stays on the login page with its error', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/login\//);
  await submitLogin(page, DEMO_USER.username, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await expect(page).toHaveURL(/\/login\//);
  await expect(page.getByLabel('Email')).toHaveValue(DEMO_USER.username);
});

test.describe('in a browser that does not trust the identity provider yet', () => {
  test.use({ ignoreHTTPSErrors: false });

  test('the app says exactly what to do instead of failing silently', async ({ page }) => {
    await page.goto('/');
    const advice = page.getByRole('alert').filter({ hasText: 'cannot be reached' });
    await expect(advice).toBeVisible();
    await expect(advice).toContainText('accept the development certificate');
    await expect(advice.getByRole('link', { name: /https:\/\/localhost:\d+/ })).toHaveAttribute(
      'href',
      /\?return=/,
    );
    await expect(advice.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
});
