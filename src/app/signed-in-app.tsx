// Everything behind sign-in: the API session for this account, the chrome and the routes.
import type { AccountInfo } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { ApiSessionContext, type ApiSession } from '@/lib/query/api-session-context';
import { sessionSentLog } from '@/lib/api/sent-log';
import { browserStorage } from '@/lib/storage/browser-storage';
import { createHttpClient } from '@/lib/api/http-client';
import { announceSignOut } from '@/lib/auth/session-sync';
import { clearSignInRequired, useSignInRequired } from '@/lib/auth/sign-in-required';
import { tokenProviderFor } from '@/lib/auth/token-provider';
import type { AppConfig } from '@/lib/config/app-config';
import { AppHeader } from './app-header';
import { AppRoutes } from './app-routes';
import { RunCacheProvider } from './run-cache-provider';
import { clearRunCache } from '@/features/sync-runs/cache/run-cache-store';
import { useWindowReads } from '@/features/sync-runs/hooks/use-window-query';
import { Shortcuts } from '@/features/shortcuts/shortcuts-dialog';
import { SessionExpiredBanner } from './session-expired-banner';

export function SignedInApp({ config, account }: { config: AppConfig; account: AccountInfo }) {
  const { instance } = useMsal();
  const queryClient = useQueryClient();
  const signInRequired = useSignInRequired();
  const { urgent } = useWindowReads();
  // The same provider for the same instance and scopes (memoised inside), so no useMemo here.
  const getAccessToken = tokenProviderFor(instance, config.auth.scopes);
  const session = useMemo<ApiSession>(
    () => ({
      accountId: account.homeAccountId,
      client: createHttpClient({
        baseUrl: config.apiBaseUrl,
        getAccessToken,
        sentLog: sessionSentLog(config.apiBaseUrl, browserStorage.session()),
      }),
    }),
    [account.homeAccountId, config.apiBaseUrl, getAccessToken],
  );
  // The first request's token is asked for at start-up (startApp) or now, after a sign-in, while
  // the page's code and its kept runs load; a failure here is the first request's to report.
  useEffect(() => {
    getAccessToken().catch(() => undefined);
  }, [getAccessToken]);

  // Fetch the integration page and chart code while the user looks at the overview: once its cards
  // have their newest pages (running that code competes with drawing them), and 1.5 s in at least.
  useEffect(() => {
    const stop = new AbortController();
    const id = window.setTimeout(() => {
      urgent.idle(stop.signal).then(
        () => {
          void import('@/features/sync-runs/components/integration-page/integration-page');
          void import('@/features/sync-runs/components/timeline/run-timeline');
        },
        () => undefined,
      );
    }, 1500);
    return () => {
      window.clearTimeout(id);
      stop.abort();
    };
  }, [urgent]);

  async function signOut() {
    queryClient.clear();
    clearSignInRequired();
    // Every tab of this browser signs out with this one, and no kept run outlives the session.
    announceSignOut();
    await clearRunCache();
    await instance.logoutRedirect({ account });
  }

  return (
    <ApiSessionContext.Provider value={session}>
      <AppHeader account={account} onSignOut={() => void signOut()} />
      {signInRequired && <SessionExpiredBanner scopes={config.auth.scopes} />}
      <main className="mx-auto max-w-7xl px-4 py-6">
        <RunCacheProvider accountId={account.homeAccountId} enabled={config.runCache.enabled}>
          <AppRoutes config={config} />
        </RunCacheProvider>
      </main>
      <footer className="mx-auto max-w-7xl px-4 pb-6 text-xs text-slate-600">
        Press <kbd className="rounded border border-slate-300 px-1 font-mono">?</kbd> for keyboard
        shortcuts.
      </footer>
      <Shortcuts />
    </ApiSessionContext.Provider>
  );
}
