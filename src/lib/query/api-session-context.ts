// The signed-in account's API session, shared with features through React context.
import { createContext, useContext } from 'react';
import type { HttpClient } from '@/lib/api/http-client';

export type ApiSession = {
  client: HttpClient;
  /** Stable id of the signed-in account; every query key starts with it. */
  accountId: string;
};

/** The start of every query key: the account it belongs to (so caches never cross accounts). */
export function accountKey(accountId: string) {
  return ['account', accountId] as const;
}

export const ApiSessionContext = createContext<ApiSession | null>(null);

export function useApiSession(): ApiSession {
  const session = useContext(ApiSessionContext);
  if (!session) throw new Error('useApiSession must be used inside ApiSessionContext');
  return session;
}
