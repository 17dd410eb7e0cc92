// @vitest-environment jsdom
// The support evidence a user copies is built from API data, never from the session: the access
// token the page's API client sends is not in it, even when the API's own text carries a token.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '@/lib/api/http-client';
import { ApiSessionContext } from '@/lib/query/api-session-context';
import { createWindowReads } from '@/features/sync-runs/api/window-reads';
import { WindowReadsContext } from '@/features/sync-runs/hooks/use-window-query';
import { server } from '@/test/msw-server';
import { TEST_API } from '@/test/render';
import { PATH, integration, page, run } from '@/test/sync-runs-pages';
import { IntegrationPage } from './integration-page';

const b64url = (value: string) =>
  btoa(value).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/** The signed-in user's access token: JWT-shaped, every part unique to this test. */
const USER_TOKEN = [
  b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'user-session-key' })),
  b64url(JSON.stringify({ oid: 'c4d5e6f7', tid: 'contoso', scp: 'access_as_user' })),
  b64url('signature-of-the-users-session-token'),
].join('.');
/** A different token that the API's own failure text carries. */
const API_TEXT_TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJwc2EtYXBpIn0.cHNhLWFwaS1zaWduYXR1cmU';
const API_TEXT_KEY = 'neo_sk_live_0123456789AbCdEf';

describe('support evidence and the session', () => {
  it('never contains the user’s access token, and redacts credentials in API text', async () => {
    const sentAuthorization = new Set<string>();
    server.use(
      http.get(PATH, ({ request }) => {
        sentAuthorization.add(request.headers.get('Authorization') ?? '(none)');
        return HttpResponse.json(
          page(
            [
              run('r1', 10, 'FAILURE', {
                activities: [
                  {
                    activity_label: 'PSA Metadata',
                    synced_count: 0,
                    total_count: 1,
                    failures: [
                      {
                        resource_label: 'Tickets',
                        parent_label: null,
                        reason: 'unauthorized',
                        error_message: `PSA said 401 to Bearer ${API_TEXT_TOKEN} with ${API_TEXT_KEY}`,
                      },
                    ],
                  },
                ],
              }),
              run('r2', 40),
            ],
            null,
          ),
        );
      }),
    );
    const session = {
      accountId: 'c4d5e6f7.contoso',
      client: createHttpClient({ baseUrl: TEST_API, getAccessToken: async () => USER_TOKEN }),
    };
    render(
      <QueryClientProvider
        client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
      >
        <WindowReadsContext.Provider value={createWindowReads()}>
          <ApiSessionContext.Provider value={session}>
            <MemoryRouter initialEntries={['/integrations/halopsa?range=24h']}>
              <Routes>
                <Route path="*" element={<IntegrationPage integration={integration} />} />
              </Routes>
            </MemoryRouter>
          </ApiSessionContext.Provider>
        </WindowReadsContext.Provider>
      </QueryClientProvider>,
    );
    await screen.findByText(/runs loaded\./, undefined, { timeout: 5000 });
    // The session's token really is the one the page's requests carry.
    expect([...sentAuthorization]).toEqual([`Bearer ${USER_TOKEN}`]);

    const user = userEvent.setup();
    const answer = screen.getByRole('region', { name: 'Where is my record?' });
    await user.click(within(answer).getByRole('button', { name: 'Copy details for Neo support' }));
    const evidence = await navigator.clipboard.readText();
    expect(evidence).toContain('Sync Runs evidence');
    // Credentials in API text are redacted ...
    expect(evidence).toContain('Bearer [redacted] with [redacted key]');
    expect(evidence).not.toContain(API_TEXT_KEY);
    // ... and nothing of the session's token is there, not even one part of it.
    for (const part of [USER_TOKEN, ...USER_TOKEN.split('.')]) expect(evidence).not.toContain(part);
  });
});
