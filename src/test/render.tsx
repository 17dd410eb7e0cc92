// Renders a component the way the app does: a fresh query client (no retries) and what its window
// queries share, an API session, a router.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ApiSessionContext } from '@/lib/query/api-session-context';
import { createHttpClient } from '@/lib/api/http-client';
import { createWindowReads } from '@/features/sync-runs/api/window-reads';
import { WindowReadsContext } from '@/features/sync-runs/hooks/use-window-query';

export const TEST_API = 'https://api.test';

export function renderWithApp(
  ui: ReactElement,
  { route = '/', path = '*' }: { route?: string; path?: string } = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
  const session = {
    accountId: 'test-account',
    client: createHttpClient({ baseUrl: TEST_API, getAccessToken: async () => 'test-token' }),
  };
  return render(
    <QueryClientProvider client={queryClient}>
      <WindowReadsContext.Provider value={createWindowReads()}>
        <ApiSessionContext.Provider value={session}>
          <MemoryRouter initialEntries={[route]}>
            <Routes>
              <Route path={path} element={ui} />
            </Routes>
          </MemoryRouter>
        </ApiSessionContext.Provider>
      </WindowReadsContext.Provider>
    </QueryClientProvider>,
  );
}
