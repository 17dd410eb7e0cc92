// The specs' `test` and `expect`. Most tests start signed in, from the sign-in that e2e/auth.setup.ts
// saved once for the run; tests about signing in (or out, or as someone else, or through the
// portal's own sign-in) use SIGNED_OUT and sign in themselves. A test that starts signed in fails
// if any page of its browser reaches the identity provider's login page: one sign-in per run.
import { test as base, expect } from '@playwright/test';
import { idpAuthority } from '../../local-idp/settings.ts';
import { E2E_IDP_PORT } from '../../scripts/e2e-ports.ts';
import { SIGNED_IN_STATE } from './signed-in-state.ts';

export { SIGNED_IN_STATE };

/** `test.use(SIGNED_OUT)`: a browser that has never signed in. */
export const SIGNED_OUT = { storageState: { cookies: [], origins: [] } };

const IDP_ORIGIN = new URL(idpAuthority(E2E_IDP_PORT)).origin;

/** Whether `url` is the identity provider's login page (where a person types a password). */
export function isLoginPage(url: string): boolean {
  const parsed = new URL(url);
  return parsed.origin === IDP_ORIGIN && parsed.pathname.startsWith('/login/');
}

export const test = base.extend<{ oneSignInPerRun: void }>({
  oneSignInPerRun: [
    async ({ context, storageState }, use) => {
      const logins: string[] = [];
      if (storageState === SIGNED_IN_STATE)
        context.on('request', (request) => {
          if (request.isNavigationRequest() && isLoginPage(request.url()))
            logins.push(request.url());
        });
      await use();
      expect(
        logins,
        'this test starts signed in, yet went to the login page: open pages with openSignedIn, or give a test about signing in test.use(SIGNED_OUT)',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
