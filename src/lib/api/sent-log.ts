// When this tab's requests went out, kept across a reload or a navigation in the same tab: the
// tenant's window still holds them for a minute, and they are this viewer's, not another client's.
// Only times are kept (no URL, no token), in sessionStorage, written as the page is left.

export type SentLog = {
  /** Send times kept by the page this tab showed before. */
  load(): number[];
  /** Keeps what `times` returns when the page is left. */
  remember(times: () => readonly number[]): void;
};

const KEY_PREFIX = 'sync-runs.sent-times:';

type Target = Pick<Window, 'addEventListener'>;

export function sessionSentLog(
  apiBaseUrl: string,
  storage: Storage | undefined = globalThis.sessionStorage,
  target: Target | undefined = globalThis.window,
): SentLog {
  const key = KEY_PREFIX + apiBaseUrl;
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
        return Array.isArray(parsed)
          ? parsed.filter((t): t is number => typeof t === 'number' && Number.isFinite(t))
          : [];
      } catch {
        return [];
      }
    },
    remember(times) {
      target?.addEventListener('pagehide', () => {
        try {
          storage?.setItem(key, JSON.stringify(times()));
        } catch {
          // Storage full or refused: the next page counts the tenant's window without them.
        }
      });
    },
  };
}
