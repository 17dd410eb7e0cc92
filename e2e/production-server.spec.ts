import type { Page } from '@playwright/test';
import { E2E_APP_ORIGIN, E2E_DEMO_ORIGIN, E2E_PROD_ORIGIN } from '../scripts/e2e-ports.ts';
import { signIn } from './support/sign-in.ts';
import { expect, SIGNED_OUT, test } from './support/test.ts';

// The production server's origin has its own storage: signing in there, through its strict CSP, is
// part of what is tested, and the framing tests start in a browser that has never signed in.
test.use(SIGNED_OUT);

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

/** The sources of one directive of a Content-Security-Policy header. */
function directive(csp: string, name: string): string[] {
  for (const part of csp.split(';')) {
    const [directiveName, ...sources] = part.trim().split(/\s+/);
    if (directiveName === name) return sources;
  }
  return [];
}

/**
 * Opens `parent`, frames the production server's start page in it and reports what happened: the
 * server's answer to the frame's request, every request made to the server, the frame's final URL,
 * and the console's lines.
 */
async function frameProductionServer(page: Page, parent: string) {
  const toServer: string[] = [];
  const consoleText: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin === E2E_PROD_ORIGIN) toServer.push(request.url());
  });
  page.on('console', (message) => consoleText.push(message.text()));
  await page.goto(parent);
  const answered = page.waitForResponse(
    (response) =>
      response.url() === `${E2E_PROD_ORIGIN}/` && response.request().resourceType() === 'document',
    { timeout: 15_000 },
  );
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'framed';
    document.body.append(frame);
  }, `${E2E_PROD_ORIGIN}/`);
  const response = await answered;
  const frame = await page.locator('iframe[title="framed"]').elementHandle();
  return { response, toServer, consoleText, frame: () => frame?.contentFrame() };
}

test('a page that is not an allowed portal cannot frame the dashboard', async ({ page }) => {
  // A page of another origin than the server and than the allowed portal (E2E_DEMO_ORIGIN).
  const parentOrigin = E2E_APP_ORIGIN;
  const framed = await frameProductionServer(page, `${parentOrigin}/redirect.html`);
  // The server answered (it is up and served the page) with a policy that does not name the parent.
  expect(framed.response.status()).toBe(200);
  const ancestors = directive(
    framed.response.headers()['content-security-policy'] ?? '',
    'frame-ancestors',
  );
  expect(ancestors).toEqual(["'self'", E2E_DEMO_ORIGIN]);
  expect(ancestors).not.toContain(parentOrigin);
  // Chromium refused to show that answer for frame-ancestors, and put its error page in the frame.
  await expect.poll(async () => (await framed.frame())?.url()).toMatch(/^chrome-error:\/\//);
  await expect
    .poll(() => framed.consoleText.some((line) => /frame-ancestors/.test(line)))
    .toBe(true);
  // Nothing of the app ran in it: the page was the only thing asked of the server.
  expect(framed.toServer).toEqual([`${E2E_PROD_ORIGIN}/`]);
});

test('an allowed portal frames the dashboard on the production server', async ({ page }) => {
  // The same server, the same page, framed from the one allowed portal origin: it loads.
  const framed = await frameProductionServer(page, `${E2E_DEMO_ORIGIN}/redirect.html`);
  expect(framed.response.status()).toBe(200);
  expect(
    directive(framed.response.headers()['content-security-policy'] ?? '', 'frame-ancestors'),
  ).toContain(E2E_DEMO_ORIGIN);
  await expect.poll(() => framed.toServer.some((url) => url.endsWith('/config.json'))).toBe(true);
  expect((await framed.frame())?.url()).toBe(`${E2E_PROD_ORIGIN}/`);
  expect(framed.consoleText.filter((line) => /frame-ancestors/.test(line))).toEqual([]);
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
