// Composes the providers: MSAL, React Query, the router, and the sign-in gate.
import type { PublicClientApplication } from '@azure/msal-browser';
import { MsalProvider } from '@azure/msal-react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import type { AppConfig } from '@/lib/config/app-config';
import { createQueryClient } from '@/lib/query/query-client';
import { createWindowReads } from '@/features/sync-runs/api/window-reads';
import { WindowReadsContext } from '@/features/sync-runs/hooks/use-window-query';
import { EmbeddedApp } from './embedded-app';
import { SignInPage } from './sign-in-page';
import { SignedInApp } from './signed-in-app';
import { useSignedInAccount } from './use-signed-in-account';

function AuthGate({ config, redirectError }: { config: AppConfig; redirectError: unknown }) {
  const account = useSignedInAccount();
  if (!account) return <SignInPage config={config} redirectError={redirectError} />;
  return <SignedInApp key={account.homeAccountId} config={config} account={account} />;
}

export type AppProps = {
  config: AppConfig;
  msal: PublicClientApplication;
  redirectError: unknown;
  embedded: boolean;
};

export function App({ config, msal, redirectError, embedded }: AppProps) {
  const [queryClient] = useState(createQueryClient);
  // What every window query shares (config's slices, urgent reads, pages asked ahead): one per client.
  const [windowReads] = useState(() =>
    createWindowReads({ maxSlices: config.fetch.maxParallelSlices }),
  );
  return (
    <MsalProvider instance={msal}>
      <QueryClientProvider client={queryClient}>
        <WindowReadsContext.Provider value={windowReads}>
          <BrowserRouter basename={import.meta.env.BASE_URL}>
            {embedded ? (
              <EmbeddedApp config={config} />
            ) : (
              <AuthGate config={config} redirectError={redirectError} />
            )}
          </BrowserRouter>
        </WindowReadsContext.Provider>
      </QueryClientProvider>
    </MsalProvider>
  );
}
