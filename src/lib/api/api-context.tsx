// Gives features the signed-in account's API client without knowing how tokens are obtained.
import { createContext, useContext, type ReactNode } from 'react';
import type { HttpClient } from './http-client';

export type ApiSession = {
  client: HttpClient;
  /** Stable id of the signed-in account; every query key starts with it. */
  accountId: string;
};

const ApiSessionContext = createContext<ApiSession | null>(null);

export function ApiSessionProvider({ session, children }: { session: ApiSession; children: ReactNode }) {
  return <ApiSessionContext.Provider value={session}>{children}</ApiSessionContext.Provider>;
}

export function useApiSession(): ApiSession {
  const session = useContext(ApiSessionContext);
  if (!session) throw new Error('useApiSession must be used inside ApiSessionProvider');
  return session;
}
