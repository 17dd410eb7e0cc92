import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { createTokenProvider, TOKEN_RENEW_BEFORE_MS, tokenProviderFor } from './token-provider';

const HOUR = 3_600_000;

function msal(accounts: { current: AccountInfo | null }, lifetimeMs = HOUR) {
  let issued = 0;
  let clock = 1_764_400_000_000;
  const acquireTokenSilent = vi.fn(async () => {
    issued += 1;
    return {
      accessToken: `token-${issued}`,
      expiresOn: new Date(clock + lifetimeMs),
    } as AuthenticationResult;
  });
  const instance = {
    getActiveAccount: () => accounts.current,
    getAllAccounts: () => (accounts.current ? [accounts.current] : []),
    acquireTokenSilent,
  } as unknown as IPublicClientApplication;
  return {
    instance,
    acquireTokenSilent,
    now: () => clock,
    advance: (ms: number) => (clock += ms),
  };
}

const account = (id: string) => ({ homeAccountId: id }) as AccountInfo;

describe('createTokenProvider', () => {
  it('asks MSAL once for many requests, and again only near the expiry or when told to', async () => {
    const accounts = { current: account('a') };
    const m = msal(accounts);
    const token = createTokenProvider(m.instance, ['api'], m.now);
    // An overview's first requests, all at once: one silent call.
    const first = await Promise.all([token(), token(), token()]);
    expect(first).toEqual(['token-1', 'token-1', 'token-1']);
    expect(await token()).toBe('token-1');
    expect(m.acquireTokenSilent).toHaveBeenCalledTimes(1);
    // The API refused it (401): a renewal is always asked of MSAL.
    expect(await token({ forceRefresh: true })).toBe('token-2');
    expect(m.acquireTokenSilent).toHaveBeenLastCalledWith(
      expect.objectContaining({ forceRefresh: true }),
    );
    // Close to its expiry, it is not sent again.
    m.advance(HOUR - TOKEN_RENEW_BEFORE_MS + 1);
    expect(await token()).toBe('token-3');
  });

  it('never hands one account’s token to another, nor any once signed out', async () => {
    const accounts: { current: AccountInfo | null } = { current: account('a') };
    const m = msal(accounts);
    const token = createTokenProvider(m.instance, ['api'], m.now);
    expect(await token()).toBe('token-1');
    accounts.current = account('b');
    expect(await token()).toBe('token-2');
    accounts.current = null;
    await expect(token()).rejects.toMatchObject({ code: 'not_signed_in' });
  });

  it('says a sign-in is needed when MSAL cannot renew silently, and holds nothing', async () => {
    const accounts = { current: account('a') };
    const m = msal(accounts);
    m.acquireTokenSilent.mockRejectedValueOnce(
      new InteractionRequiredAuthError('login_required', 'Sign in again.'),
    );
    const token = createTokenProvider(m.instance, ['api'], m.now);
    await expect(token()).rejects.toMatchObject({ code: 'session_expired', status: 401 });
    expect(await token()).toBe('token-1');
  });
});

describe('tokenProviderFor', () => {
  it('shares one provider per MSAL instance and scopes: the start-up call serves the first request', async () => {
    const m = msal({ current: account('a') });
    const atStart = tokenProviderFor(m.instance, ['api']);
    const early = atStart();
    // React's first request, asked while the start-up call is still under way.
    const firstRequest = tokenProviderFor(m.instance, ['api'])();
    expect(await Promise.all([early, firstRequest])).toEqual(['token-1', 'token-1']);
    expect(m.acquireTokenSilent).toHaveBeenCalledTimes(1);
    // Other scopes or another instance: a provider of their own.
    expect(await tokenProviderFor(m.instance, ['other'])()).toBe('token-2');
    const n = msal({ current: account('a') });
    expect(await tokenProviderFor(n.instance, ['api'])()).toBe('token-1');
    expect(n.acquireTokenSilent).toHaveBeenCalledTimes(1);
  });
});
