// The widget's API session when the host page hands it tokens. The account comes from each token:
// if the host hands over a token for another user without reloading the frame, the session moves
// to that account (a new query-key scope) and the previous user's cache is dropped.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { sessionSentLog } from '@/lib/api/sent-log';
import { createHttpClient, type GetAccessToken } from '@/lib/api/http-client';
import { accountIdFromToken } from '@/lib/embed/host-token';
import { accountKey, type ApiSession } from '@/lib/query/api-session-context';

export type HostTokens = { getAccessToken: GetAccessToken };

export type HostSession =
  | { kind: 'asking-host' }
  | { kind: 'ready'; session: ApiSession }
  | { kind: 'failed'; reason: string };

export function useHostSession(host: HostTokens, apiBaseUrl: string): HostSession {
  const queryClient = useQueryClient();
  const [state, setState] = useState<
    | { kind: 'asking-host' }
    | { kind: 'ready'; accountId: string }
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

  const accountId = state.kind === 'ready' ? state.accountId : null;
  const session = useMemo<ApiSession | null>(() => {
    if (accountId === null) return null;
    const getAccessToken: GetAccessToken = async (request) => {
      const token = await host.getAccessToken(request);
      const next = accountIdFromToken(token);
      if (next !== accountId) {
        queryClient.removeQueries({ queryKey: accountKey(accountId) });
        setState({ kind: 'ready', accountId: next });
      }
      return token;
    };
    return {
      accountId,
      client: createHttpClient({
        baseUrl: apiBaseUrl,
        getAccessToken,
        sentLog: sessionSentLog(apiBaseUrl),
      }),
    };
  }, [accountId, host, apiBaseUrl, queryClient]);

  if (state.kind === 'failed') return state;
  return session ? { kind: 'ready', session } : { kind: 'asking-host' };
}
