// The app's one way to get an access token: silent first; interaction is the UI's decision.
import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { ApiError } from '@/lib/api/api-error';
import type { GetAccessToken } from '@/lib/api/http-client';

export function signInRequiredError(message: string, code = 'sign_in_required'): ApiError {
  return new ApiError({ kind: 'sign-in-required', status: 401, code, message });
}

/** A token this close to its expiry is renewed rather than sent. */
export const TOKEN_RENEW_BEFORE_MS = 5 * 60_000;

type HeldToken = { accountId: string; accessToken: string; expiresAt: number };

/**
 * Silent first, and held in memory while it is valid: MSAL decrypts its stored cache on every
 * silent call, which an overview's hundred requests would otherwise pay a hundred times. Calls
 * made together share one silent call. Nothing is written anywhere but MSAL's own cache.
 */
export function createTokenProvider(
  instance: IPublicClientApplication,
  scopes: string[],
  now: () => number = Date.now,
): GetAccessToken {
  let held: HeldToken | null = null;
  let pending: { accountId: string; promise: Promise<string> } | null = null;
  return async ({ forceRefresh = false } = {}) => {
    const account = instance.getActiveAccount() ?? instance.getAllAccounts()[0];
    if (!account) throw signInRequiredError('Sign in to see your sync runs.', 'not_signed_in');
    const accountId = account.homeAccountId;
    if (forceRefresh) held = null;
    if (held?.accountId === accountId && held.expiresAt - now() > TOKEN_RENEW_BEFORE_MS)
      return held.accessToken;
    if (!forceRefresh && pending?.accountId === accountId) return pending.promise;
    const promise = silentToken(instance, account, scopes, forceRefresh).then((result) => {
      const expiresAt = result.expiresOn?.getTime() ?? 0;
      held = { accountId, accessToken: result.accessToken, expiresAt };
      return result.accessToken;
    });
    pending = { accountId, promise };
    try {
      return await promise;
    } finally {
      if (pending?.promise === promise) pending = null;
    }
  };
}

const shared = new WeakMap<IPublicClientApplication, Map<string, GetAccessToken>>();

/**
 * One provider per MSAL instance and scopes, so the token asked for at start-up (before React has
 * drawn anything) is the one the first request gets, not a second silent call.
 */
export function tokenProviderFor(
  instance: IPublicClientApplication,
  scopes: string[],
): GetAccessToken {
  const byScopes = shared.get(instance) ?? new Map<string, GetAccessToken>();
  shared.set(instance, byScopes);
  const key = scopes.join(' ');
  const existing = byScopes.get(key);
  if (existing) return existing;
  const provider = createTokenProvider(instance, scopes);
  byScopes.set(key, provider);
  return provider;
}

async function silentToken(
  instance: IPublicClientApplication,
  account: AccountInfo,
  scopes: string[],
  forceRefresh: boolean,
) {
  try {
    return await instance.acquireTokenSilent({ account, scopes, forceRefresh });
  } catch (error) {
    if (error instanceof InteractionRequiredAuthError) {
      throw signInRequiredError(
        'Your session has expired. Sign in again to continue where you were.',
        'session_expired',
      );
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError({
      kind: 'network',
      code: 'token_unavailable',
      message: `A sign-in token could not be obtained: ${detail}`,
    });
  }
}
