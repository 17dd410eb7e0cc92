// Keeps the tabs of one browser on the same sign-in: a sign-out in one tab signs out all of them.
// MSAL shares its localStorage cache across tabs but raises no event when another tab removes an
// account, so the app says it on a channel of its own (none where the browser refuses one: then
// each tab finds out when MSAL next reads its cache).
import { browserStorage } from '@/lib/storage/browser-storage';

const CHANNEL = 'sync-runs.session';

type SessionMessage = { type: 'signed-out' };

function isSessionMessage(data: unknown): data is SessionMessage {
  return (
    typeof data === 'object' && data !== null && (data as SessionMessage).type === 'signed-out'
  );
}

/** Tells the app's other tabs that this browser signed out. */
export function announceSignOut(): void {
  const channel = browserStorage.channel(CHANNEL);
  if (!channel) return;
  channel.postMessage({ type: 'signed-out' } satisfies SessionMessage);
  channel.close();
}

/** Calls `listener` when another tab of the app signs out; returns the unsubscribe. */
export function onSignOutElsewhere(listener: () => void): () => void {
  const channel = browserStorage.channel(CHANNEL);
  if (!channel) return () => {};
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isSessionMessage(event.data)) listener();
  };
  return () => channel.close();
}
