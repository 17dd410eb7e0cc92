// The signed-in account's kept runs (config `runCache.enabled`): only this account's records stay;
// with the cache switched off, whatever an earlier setting kept is removed. Without an account
// (a host token that names none) nothing is kept, and nothing of anyone else's is touched.
import { useEffect, useMemo, type ReactNode } from 'react';
import { RunCacheContext } from '@/features/sync-runs/cache/run-cache-context';
import {
  clearRunCache,
  createRunCache,
  keepOnlyAccount,
} from '@/features/sync-runs/cache/run-cache-store';

export function RunCacheProvider({
  accountId,
  enabled,
  children,
}: {
  accountId: string | null;
  enabled: boolean;
  children: ReactNode;
}) {
  const cache = useMemo(
    () => (enabled && accountId !== null ? createRunCache(accountId) : null),
    [accountId, enabled],
  );
  useEffect(() => {
    if (accountId === null) return;
    void (enabled ? keepOnlyAccount(accountId) : clearRunCache());
  }, [accountId, enabled]);
  return <RunCacheContext.Provider value={cache}>{children}</RunCacheContext.Provider>;
}
