// When this tab's requests went out, kept across a reload or a navigation in the same tab: the
// tenant's window still holds them for a minute, and they are this viewer's, not another client's.
// Only times are kept (no URL, no token), in the tab's session storage (the app passes it from
// src/lib/storage/browser-storage.ts: memory where the browser refuses storage), written as the page
// is left.

export type SentLog = {
  /** Send times kept by the page this tab showed before. */
  load(): number[];
  /** Keeps what `times` returns when the page is left. */
  remember(times: () => readonly number[]): void;
};

const KEY_PREFIX = 'sync-runs.sent-times:';

type Target = Pick<Window, 'addEventListener'>;
type Remembered = { storage: Storage | undefined; times: () => readonly number[] };

// One listener per page and, per API, the client that asked last: a new session's client replaces
// the one before (which is then let go), and each key is written once as the page is left.
const rememberedBy = new WeakMap<Target, Map<string, Remembered>>();

function rememberOn(target: Target, key: string, entry: Remembered) {
  let remembered = rememberedBy.get(target);
  if (!remembered) {
    const entries = new Map<string, Remembered>();
    rememberedBy.set(target, entries);
    target.addEventListener('pagehide', () => {
      for (const [name, { storage, times }] of entries) {
        try {
          storage?.setItem(name, JSON.stringify(times()));
        } catch {
          // Storage full or refused: the next page counts the tenant's window without them.
        }
      }
    });
    remembered = entries;
  }
  remembered.set(key, entry);
}

export function sessionSentLog(
  apiBaseUrl: string,
  storage: Storage | undefined,
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
      if (target) rememberOn(target, key, { storage, times });
    },
  };
}
