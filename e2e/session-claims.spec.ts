// SECURITY.md's claims about the sign-in session, each proved the way a browser would break it:
// a browser closed and opened again (its session cookies gone, its disk kept), and a sign-out
// in one tab reaching a tab nobody touches, by the app's own channel alone.
import type { BrowserContext } from '@playwright/test';
import { DEMO_USER } from '../local-idp/settings.ts';
import { signIn } from './support/sign-in.ts';
import { expect, SIGNED_OUT, test } from './support/test.ts';

// Each test signs in, then signs out or ends the browser session.
test.use(SIGNED_OUT);

const JWT = /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]{4,}/;

/** The bearer tokens the app sent to the API from `context` from now on. */
function recordTokens(context: BrowserContext): Set<string> {
  const tokens = new Set<string>();
  context.on('request', (request) => {
    const auth = request.headers().authorization;
    if (request.url().includes('/public-api/') && auth?.startsWith('Bearer '))
      tokens.add(auth.slice('Bearer '.length));
  });
  return tokens;
}

test('tokens left on disk cannot be read once the browser has closed', async ({
  browser,
  page,
  context,
}) => {
  const tokens = recordTokens(context);
  await signIn(page);
  await expect(page.getByRole('article', { name: 'ConnectWise PSA' })).toContainText('Latest run');
  expect(tokens.size).toBeGreaterThan(0);

  const state = await context.storageState();
  const stored = state.origins.flatMap((origin) => origin.localStorage.map((item) => item.value));
  // MSAL's cache is on disk, but none of it reads as a token.
  expect(stored.length).toBeGreaterThan(0);
  for (const value of stored) {
    expect(value).not.toMatch(JWT);
    for (const token of tokens) expect(value).not.toContain(token);
  }

  // Control: the same disk and the same session cookies (the browser never closed) is signed in.
  const sameSession = await browser.newContext({ storageState: state, ignoreHTTPSErrors: true });
  const samePage = await sameSession.newPage();
  await samePage.goto('/');
  await expect(samePage.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await sameSession.close();

  // The browser closes: cookies without an expiry go, the disk stays. The next start has no
  // account and sends no token until the person signs in again.
  const reopened = await browser.newContext({
    storageState: { ...state, cookies: state.cookies.filter((cookie) => cookie.expires > 0) },
    ignoreHTTPSErrors: true,
  });
  const apiCalls = recordTokens(reopened);
  const again = await reopened.newPage();
  await again.goto('/');
  await expect(again.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(again.getByText(DEMO_USER.name)).toHaveCount(0);
  expect(apiCalls.size).toBe(0);
  await reopened.close();
});

test('signing out in one tab signs out another without a click in it, by the app’s own channel', async ({
  page,
  context,
}) => {
  await signIn(page);
  const other = await context.newPage();
  // The other tab hears nothing through storage events (MSAL's own path): only the app's
  // BroadcastChannel can tell it. Nothing touches it after it has loaded.
  await other.addInitScript(() => {
    const add = window.addEventListener.bind(window);
    window.addEventListener = ((type: string, ...rest: [EventListener, unknown?]) => {
      if (type !== 'storage') add(type, ...(rest as [EventListener]));
    }) as typeof window.addEventListener;
  });
  await other.goto('/');
  await expect(other.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(other.getByRole('article', { name: 'ConnectWise PSA' })).toContainText('Latest run');

  await page.bringToFront();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

  await expect(other.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(other.getByText(DEMO_USER.name)).toHaveCount(0);
  await expect(other.getByRole('article', { name: 'ConnectWise PSA' })).toHaveCount(0);
});
