// MSAL set-up: the same code for Microsoft Entra ID and the local identity provider; only config differs.
import {
  BrowserCacheLocation,
  PublicClientApplication,
  type AuthenticationResult,
  type Configuration,
} from '@azure/msal-browser';
import type { AppConfig } from '@/lib/config/app-config';
import { browserStorage } from '@/lib/storage/browser-storage';

/** The widget's tab-scoped cache, or memory where its frame is refused storage. */
function widgetCacheLocation() {
  browserStorage.session();
  return browserStorage.lost().includes('sessionStorage')
    ? BrowserCacheLocation.MemoryStorage
    : BrowserCacheLocation.SessionStorage;
}

export function appUrl(path: string): string {
  return new URL(`${import.meta.env.BASE_URL}${path}`, window.location.origin).toString();
}

export function msalConfiguration(config: AppConfig, embedded = false): Configuration {
  return {
    auth: {
      clientId: config.auth.clientId,
      authority: config.auth.authority,
      knownAuthorities: config.auth.knownAuthorities,
      // The v5 redirect bridge page; it is what the Entra app registration lists.
      redirectUri: appUrl('redirect.html'),
      postLogoutRedirectUri: appUrl(''),
      // Inside a cross-site iframe the popup's answer can only come back through the relay page.
      ...(embedded
        ? { popupRelayUri: appUrl('popup-relay.html'), popupRelayProtocolVersion: 2 as const }
        : {}),
    },
    // The full app shares one sign-in across the tabs of a browser session: MSAL encrypts its
    // localStorage cache with a key kept in a session cookie, so the entries are unreadable once the
    // browser closes (SECURITY.md, "Tokens"). The widget keeps its own tab-scoped cache: inside a
    // cross-site frame storage is partitioned and that cookie may be refused, or storage refused
    // altogether (then sign-in lasts as long as the page).
    cache: {
      cacheLocation: embedded ? widgetCacheLocation() : BrowserCacheLocation.LocalStorage,
    },
  };
}

export type MsalBootstrap = {
  instance: PublicClientApplication;
  /** An error from completing a redirect sign-in, shown on the sign-in page. */
  redirectError: unknown;
};

/** Creates MSAL outside React, completes a pending redirect and picks the active account. */
export async function bootstrapMsal(config: AppConfig, embedded = false): Promise<MsalBootstrap> {
  const instance = new PublicClientApplication(msalConfiguration(config, embedded));
  await instance.initialize();
  let redirectError: unknown = null;
  let result: AuthenticationResult | null = null;
  // A redirect never happens inside the widget (MSAL refuses it in iframes); popups need no completion.
  if (!embedded) {
    try {
      result = await instance.handleRedirectPromise();
    } catch (error) {
      redirectError = error;
    }
  }
  const account = result?.account ?? instance.getActiveAccount() ?? instance.getAllAccounts()[0];
  if (account) instance.setActiveAccount(account);
  return { instance, redirectError };
}
