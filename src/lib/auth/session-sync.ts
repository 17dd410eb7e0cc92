// Keeps the tabs of one browser on the same sign-in: a sign-out in one tab signs out all of them.
// MSAL shares its localStorage cache across tabs but raises no event when another tab removes an
// account, so the app says it on a channel of its own.

const CHANNEL = 'sync-runs.session';

type SessionMessage = { type: 'signed-out' };

function isSessionMessage(data: unknown): data is SessionMessage {
  return (
    typeof data === 'object' && data !== null && (data as SessionMessage).type === 'signed-out'
  );
}

/** Tells the app's other tabs that this browser signed out. */
export function announceSignOut(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'signed-out' } satisfies SessionMessage);
  channel.close();
}

/** Calls `listener` when another tab of the app signs out; returns the unsubscribe. */
export function onSignOutElsewhere(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isSessionMessage(event.data)) listener();
  };
  return () => channel.close();
}
