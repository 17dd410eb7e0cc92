// The watcher's share of the tenant's rate limit (1,200 requests a minute, shared by every admin,
// widget and script): requests wait for room in a sliding minute before they are sent.
import { abortableSleep } from '../src/lib/api/abortable-sleep.ts';
import { believedLimit, CONTRACT_LIMIT } from '../src/lib/api/rate-limit-info.ts';

const WINDOW_MS = 60_000;

export type Budget = {
  /** Waits until one more request fits the share, then counts it. */
  take(signal?: AbortSignal): Promise<void>;
  /** Learned from X-RateLimit-Limit on every answer, as far as it is believable (believedLimit). */
  setLimit(limit: number | null): void;
  /** Requests allowed per minute now. */
  allowed(): number;
  /** Requests sent in the last minute. */
  used(): number;
};

export function createBudget(
  share: number,
  options: { now?: () => number; sleep?: typeof abortableSleep } = {},
): Budget {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  let limit = CONTRACT_LIMIT;
  const sent: number[] = [];
  const allowed = () => Math.max(1, Math.floor(limit * share));
  const prune = () => {
    const cutoff = now() - WINDOW_MS;
    while (sent.length > 0 && (sent[0] as number) <= cutoff) sent.shift();
  };
  return {
    async take(signal) {
      for (;;) {
        prune();
        if (sent.length < allowed()) {
          sent.push(now());
          return;
        }
        await sleep(Math.max(50, (sent[0] as number) + WINDOW_MS - now()), signal);
      }
    },
    setLimit(value) {
      // An absurd limit (0, negative, fractional, 1e9) is the contract's: it never lifts the share.
      limit = believedLimit(value) ?? limit;
    },
    allowed,
    used() {
      prune();
      return sent.length;
    },
  };
}
