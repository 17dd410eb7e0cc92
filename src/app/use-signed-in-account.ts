// The account this tab is signed in with, kept in step with the browser's other tabs: a sign-out
// elsewhere signs this tab out at once, and a sign-in elsewhere is picked up when the tab is next
// looked at or used.
import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { onSignOutElsewhere } from '@/lib/auth/session-sync';
import { clearRunCache } from '@/features/sync-runs/cache/run-cache-store';

function currentAccount(instance: IPublicClientApplication): AccountInfo | null {
  const all = instance.getAllAccounts();
  const active = instance.getActiveAccount();
  return (active && all.find((a) => a.homeAccountId === active.homeAccountId)) ?? all[0] ?? null;
}

function subscribeToSession(
  instance: IPublicClientApplication,
  queryClient: QueryClient,
  changed: () => void,
): () => void {
  const stopBroadcast = onSignOutElsewhere(() => {
    // MSAL's own message about the removed entries may still be on its way: drop them here too,
    // and forget every run this tab had shown.
    queryClient.clear();
    void Promise.allSettled([clearRunCache(), instance.clearCache()]).finally(changed);
  });
  const callbackId = instance.addEventCallback(changed);
  const onVisibility = () => {
    if (document.visibilityState === 'visible') changed();
  };
  // The "next action": looking at the tab again, or using it.
  const events = ['focus', 'pointerdown', 'keydown'] as const;
  for (const name of events) window.addEventListener(name, changed, { capture: true });
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    stopBroadcast();
    if (callbackId) instance.removeEventCallback(callbackId);
    for (const name of events) window.removeEventListener(name, changed, { capture: true });
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

export function useSignedInAccount(): AccountInfo | null {
  const { instance } = useMsal();
  const queryClient = useQueryClient();
  const subscribe = useCallback(
    (changed: () => void) => subscribeToSession(instance, queryClient, changed),
    [instance, queryClient],
  );
  // The id is the snapshot, so a keystroke re-renders nothing unless the account changed.
  const accountId = useSyncExternalStore(
    subscribe,
    () => currentAccount(instance)?.homeAccountId ?? '',
  );
  return useMemo(() => (accountId === '' ? null : currentAccount(instance)), [accountId, instance]);
}
