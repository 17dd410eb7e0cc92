// The app's one way to get an access token: silent first; interaction is the UI's decision.
import { InteractionRequiredAuthError, type IPublicClientApplication } from '@azure/msal-browser';
import { ApiError } from '@/lib/api/api-error';
import type { GetAccessToken } from '@/lib/api/http-client';

export function signInRequiredError(message: string, code = 'sign_in_required'): ApiError {
  return new ApiError({ kind: 'sign-in-required', status: 401, code, message });
}

export function createTokenProvider(
  instance: IPublicClientApplication,
  scopes: string[],
): GetAccessToken {
  return async ({ forceRefresh = false } = {}) => {
    const account = instance.getActiveAccount() ?? instance.getAllAccounts()[0];
    if (!account) throw signInRequiredError('Sign in to see your sync runs.', 'not_signed_in');
    try {
      const result = await instance.acquireTokenSilent({ account, scopes, forceRefresh });
      return result.accessToken;
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
  };
}
