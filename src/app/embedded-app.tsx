// The embedded widget: a token from the host page first; MSAL's popup (via the relay page) if the host
// does not answer. Never a redirect inside the frame.
import { InteractionStatus } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { useEffect, useMemo, useState } from 'react';
import { ApiSessionContext, type ApiSession } from '@/lib/query/api-session-context';
import { sessionSentLog } from '@/lib/api/sent-log';
import { browserStorage } from '@/lib/storage/browser-storage';
import { createHttpClient } from '@/lib/api/http-client';
import { tokenProviderFor } from '@/lib/auth/token-provider';
import type { AppConfig } from '@/lib/config/app-config';
import { createHostTokenSource } from '@/lib/embed/host-token';
import { listenForHostTheme } from '@/lib/embed/host-theme';
import { themeController } from '@/lib/theme/use-theme';
import { startResizeReporter } from '@/lib/embed/resize-reporter';
import { AppRoutes } from './app-routes';
import { RunCacheProvider } from './run-cache-provider';
import { Shortcuts } from '@/features/shortcuts/shortcuts-dialog';
import { EmbedHeader } from './embed-header';
import { EmbedNotAllowed } from './embed-not-allowed';
import { useHostSession } from './use-host-session';
import { framing } from '@/lib/embed/embed-mode';

export function EmbeddedApp({ config }: { config: AppConfig }) {
  const [where] = useState(() => framing(window, config.embed.allowedParentOrigins));
  return where === 'not-allowed' ? <EmbedNotAllowed /> : <EmbeddedWidget config={config} />;
}

function EmbeddedWidget({ config }: { config: AppConfig }) {
  const { instance, accounts, inProgress } = useMsal();
  const origins = config.embed.allowedParentOrigins;
  const hostSource = useMemo(() => createHostTokenSource({ allowedOrigins: origins }), [origins]);
  const host = useHostSession(hostSource, config.apiBaseUrl);
  const [signInError, setSignInError] = useState<string | null>(null);

  useEffect(() => startResizeReporter(origins), [origins]);
  useEffect(
    () => listenForHostTheme(origins, (theme) => themeController().setHostPreference(theme)),
    [origins],
  );

  const account = instance.getActiveAccount() ?? accounts[0];
  const signInSession = useMemo<ApiSession | null>(() => {
    if (host.kind === 'failed' && account)
      return {
        accountId: account.homeAccountId,
        client: createHttpClient({
          baseUrl: config.apiBaseUrl,
          getAccessToken: tokenProviderFor(instance, config.auth.scopes),
          sentLog: sessionSentLog(config.apiBaseUrl, browserStorage.session()),
        }),
      };
    return null;
  }, [host.kind, account, config.apiBaseUrl, config.auth.scopes, instance]);
  const session = host.kind === 'ready' ? host.session : signInSession;
  // A host token without tenant and object id names no owner for kept runs: none are kept.
  const owner = host.kind === 'ready' && !host.keepsRuns ? null : (session?.accountId ?? null);

  async function signInWithPopup() {
    if (inProgress !== InteractionStatus.None) return;
    setSignInError(null);
    try {
      const result = await instance.loginPopup({ scopes: config.auth.scopes });
      instance.setActiveAccount(result.account);
    } catch (error) {
      setSignInError(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div className="bg-white text-slate-900">
      <EmbedHeader />
      <main className="p-3">
        {host.kind === 'asking-host' && (
          <p role="status" className="text-sm">
            Connecting to your portal…
          </p>
        )}
        {host.kind === 'failed' && !account && (
          <div className="space-y-2 text-sm">
            <p>Sign in to see your sync runs.</p>
            <p className="text-slate-600">({host.reason})</p>
            {signInError && (
              <p role="alert" className="text-red-800">
                Sign-in did not complete: {signInError}
              </p>
            )}
            <button
              type="button"
              onClick={() => void signInWithPopup()}
              disabled={inProgress !== InteractionStatus.None}
              className="rounded bg-slate-900 px-3 py-1.5 text-white disabled:opacity-60"
            >
              Sign in
            </button>
          </div>
        )}
        {session && (
          <ApiSessionContext.Provider key={session.accountId} value={session}>
            <RunCacheProvider accountId={owner} enabled={config.runCache.enabled}>
              <AppRoutes config={config} />
              <Shortcuts />
            </RunCacheProvider>
          </ApiSessionContext.Provider>
        )}
      </main>
    </div>
  );
}
