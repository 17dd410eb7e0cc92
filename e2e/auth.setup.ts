// Signs in once for the whole run, through the app's button and the identity provider's real login
// page, and saves the browser's sign-in for the tests that start signed in (SIGNED_IN_STATE).
// MSAL's local-storage cache is encrypted with a key kept in a session cookie; the saved state
// keeps session cookies, so a browser that starts from it is signed in. Access tokens last an
// hour (local-idp), the refresh token a day: a longer run renews silently.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test as setup } from '@playwright/test';
import { signIn } from './support/sign-in.ts';
import { isLoginPage, SIGNED_IN_STATE } from './support/test.ts';

setup('sign in once for the tests that start signed in', async ({ page, context, browser }) => {
  await signIn(page, '/no-such-page');
  const state = await context.storageState();
  // The sign-in only: MSAL's entries and the cookies, not what the app remembered on its own.
  const saved = {
    cookies: state.cookies.filter((cookie) => !cookie.name.startsWith('sync-runs.')),
    origins: state.origins.map((origin) => ({
      ...origin,
      localStorage: origin.localStorage.filter((item) => item.name.startsWith('msal.')),
    })),
  };
  const keyCookie = saved.cookies.find((cookie) => cookie.name === 'msal.cache.encryption');
  expect(keyCookie?.expires, 'MSAL’s cache key, a session cookie, is kept').toBe(-1);
  mkdirSync(dirname(SIGNED_IN_STATE), { recursive: true });
  writeFileSync(SIGNED_IN_STATE, JSON.stringify(saved, null, 2));

  // A browser that starts from the saved state is signed in, without a trip to the login page.
  const restored = await browser.newContext({
    storageState: SIGNED_IN_STATE,
    ignoreHTTPSErrors: true,
  });
  const logins: string[] = [];
  restored.on('request', (request) => {
    if (request.isNavigationRequest() && isLoginPage(request.url())) logins.push(request.url());
  });
  const again = await restored.newPage();
  await again.goto(new URL('/', page.url()).toString());
  await expect(again.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(logins).toEqual([]);
  await restored.close();
});
