// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '@/test/msw-server';
import { UNNAMED_HOST_ACCOUNT, useHostSession } from './use-host-session';

/** An unsigned JWT-shaped token for a user (only its account is read, never trusted). */
function tokenFor(oid: string, claims: Record<string, string> = { oid, tid: 'tenant' }): string {
  const payload = btoa(JSON.stringify(claims)).replace(/=+$/, '');
  return `e30.${payload}.sig`;
}

describe('useHostSession', () => {
  it('drops the previous user’s cache when the host hands over a token for another user', async () => {
    server.use(
      http.get('https://api.example.com/public-api/integrations/halopsa/sync-runs', () =>
        HttpResponse.json({
          data: [],
          meta: { request_id: 'r', pagination: { has_more: false, next_cursor: null } },
        }),
      ),
    );
    let current = tokenFor('alice');
    const host = { getAccessToken: async () => current };
    const queryClient = new QueryClient();
    queryClient.setQueryData(['account', 'alice.tenant', 'sync-runs', 'halopsa'], { runs: ['a'] });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useHostSession(host, 'https://api.example.com'), {
      wrapper,
    });
    await waitFor(() => expect(result.current.kind).toBe('ready'));
    const first = result.current.kind === 'ready' ? result.current.session : null;
    expect(first?.accountId).toBe('alice.tenant');

    // The portal signs in as someone else and answers the next token request with their token.
    current = tokenFor('bob');
    await act(async () => {
      await first!.client.getJson('/public-api/integrations/halopsa/sync-runs', {});
    });
    await waitFor(() =>
      expect(result.current.kind === 'ready' && result.current.session.accountId).toBe(
        'bob.tenant',
      ),
    );
    expect(queryClient.getQueryData(['account', 'alice.tenant', 'sync-runs', 'halopsa'])).toBe(
      undefined,
    );
  });

  it('keeps no runs for a token without tenant and object id claims', async () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
    );
    const named = renderHook(
      () => useHostSession({ getAccessToken: async () => tokenFor('alice') }, 'https://a.test'),
      { wrapper },
    );
    await waitFor(() => expect(named.result.current.kind).toBe('ready'));
    expect(named.result.current).toMatchObject({ keepsRuns: true });

    const unnamed = renderHook(
      () =>
        useHostSession(
          { getAccessToken: async () => tokenFor('', { sub: 'someone', tid: 'tenant' }) },
          'https://a.test',
        ),
      { wrapper },
    );
    await waitFor(() => expect(unnamed.result.current.kind).toBe('ready'));
    expect(unnamed.result.current).toMatchObject({
      keepsRuns: false,
      session: { accountId: UNNAMED_HOST_ACCOUNT },
    });
  });
});
