import { expect, test } from '@playwright/test';
import { E2E_PROD_ORIGIN } from '../scripts/e2e-ports.ts';
import { signIn } from './support/sign-in.ts';

test('the app works under the production server: strict CSP, API through its proxy', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
      violations.push(message.text());
  });
  const apiHosts = new Set<string>();
  page.on('request', (request) => {
    if (request.url().includes('/public-api/')) apiHosts.add(new URL(request.url()).origin);
  });

  const response = await page.goto(`${E2E_PROD_ORIGIN}/integrations/halopsa?range=24h`);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'self' http://127.0.0.1:4174");
  expect(response?.headers()['x-frame-options']).toBeUndefined();

  await signIn(page, `${E2E_PROD_ORIGIN}/integrations/halopsa?range=24h`);
  await expect(page).toHaveURL(`${E2E_PROD_ORIGIN}/integrations/halopsa?range=24h`);
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  await expect(page.getByRole('application', { name: /Run timeline/ })).toBeVisible();
  expect([...apiHosts]).toEqual([E2E_PROD_ORIGIN]);
  expect(violations).toEqual([]);
});

test('a page that is not an allowed portal cannot frame the dashboard', async ({ page }) => {
  await page.goto('http://localhost:4173/redirect.html'); // any page of another origin than the server
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'framed';
    document.body.append(frame);
  }, `${E2E_PROD_ORIGIN}/`);
  const frame = page.frame({ url: (url) => url.origin === E2E_PROD_ORIGIN });
  // Chromium replaces a frame blocked by frame-ancestors with an error page.
  await expect
    .poll(() => page.frames().some((f) => f.url().startsWith('chrome-error://')))
    .toBe(true);
  expect(frame?.url() ?? '').not.toContain('/integrations');
});

test('the production server withholds source maps and relays only the sync-runs route', async ({
  request,
}) => {
  const index = await (await request.get(`${E2E_PROD_ORIGIN}/`)).text();
  const script = /<script[^>]*\ssrc="([^"]+\.js)"/.exec(index)?.[1] ?? '';
  expect(script).toMatch(/^\/assets\//);
  expect((await request.get(`${E2E_PROD_ORIGIN}${script}`)).status()).toBe(200);
  // The build writes source maps (vite.config.ts); without SYNC_RUNS_SERVE_SOURCEMAPS=1 they are 404.
  expect((await request.get(`${E2E_PROD_ORIGIN}${script}.map`)).status()).toBe(404);
  const api = `${E2E_PROD_ORIGIN}/public-api`;
  expect((await request.get(`${api}/integrations/..%2F..%2Fpublic-api/sync-runs`)).status()).toBe(
    400,
  );
  expect((await request.get(`${api}/tenant`)).status()).toBe(404);
});
