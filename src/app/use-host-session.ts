// The widget's API session when the host page hands it tokens. The account comes from each token:
// if the host hands over a token for another user without reloading the frame, the session moves
// to that account (a new query-key scope) and the previous user's cache is dropped. The kept runs'
// owner is the token's tenant and object id: a token without them keeps nothing.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { sessionSentLog } from '@/lib/api/sent-log';
import { browserStorage } from '@/lib/storage/browser-storage';
import { createHttpClient, type GetAccessToken } from '@/lib/api/http-client';
import { accountIdFromToken } from '@/lib/embed/host-token';
import { accountKey, type ApiSession } from '@/lib/query/api-session-context';

export type HostTokens = { getAccessToken: GetAccessToken };

export type HostSession =
  | { kind: 'asking-host' }
  /** `keepsRuns`: the token names its account (tid and oid), so its runs may be kept. */
  | { kind: 'ready'; session: ApiSession; keepsRuns: boolean }
  | { kind: 'failed'; reason: string };

/** The query scope of a token that names no account: its own, and nothing of it is kept. */
export const UNNAMED_HOST_ACCOUNT = 'host-token-without-account';

export function useHostSession(host: HostTokens, apiBaseUrl: string): HostSession {
  const queryClient = useQueryClient();
  const [state, setState] = useState<
    | { kind: 'asking-host' }
    | { kind: 'ready'; accountId: string | null }
    | { kind: 'failed'; reason: string }
  >({ kind: 'asking-host' });

  useEffect(() => {
    let cancelled = false;
    host.getAccessToken().then(
      (token) => {
        if (!cancelled) setState({ kind: 'ready', accountId: accountIdFromToken(token) });
      },
      (error: unknown) => {
        if (!cancelled)
          setState({
            kind: 'failed',
            reason: error instanceof Error ? error.message : String(error),
          });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [host]);

  const ready = state.kind === 'ready';
  const accountId = state.kind === 'ready' ? state.accountId : null;
  const session = useMemo<ApiSession | null>(() => {
    if (!ready) return null;
    const scope = accountId ?? UNNAMED_HOST_ACCOUNT;
    const getAccessToken: GetAccessToken = async (request) => {
      const token = await host.getAccessToken(request);
      const next = accountIdFromToken(token);
      if (next !== accountId) {
        queryClient.removeQueries({ queryKey: accountKey(scope) });
        setState({ kind: 'ready', accountId: next });
      }
      return token;
    };
    return {
      accountId: scope,
      client: createHttpClient({
        baseUrl: apiBaseUrl,
        getAccessToken,
        sentLog: sessionSentLog(apiBaseUrl, browserStorage.session()),
      }),
    };
  }, [ready, accountId, host, apiBaseUrl, queryClient]);

  if (state.kind === 'failed') return state;
  return session
    ? { kind: 'ready', session, keepsRuns: accountId !== null }
    : { kind: 'asking-host' };
}
