// This client's own requests in the tenant's rate window, and the share of the tenant's limit it
// may send in any window (the watcher's `rateLimitShare`; no share: no bound of its own).
import { believedLimit, CONTRACT_LIMIT, RATE_WINDOW_MS } from './rate-limit-info';
import type { SentLog } from './sent-log';

export type OwnWindowOptions = {
  /** This tab's send times from the page before (a reload): still in the window, and its own. */
  sentLog?: SentLog;
  /** The share (0–1) of the tenant's limit this client may send in any window. */
  share?: number;
  now: () => number;
};

export function createOwnWindow({ sentLog, share, now }: OwnWindowOptions) {
  // When this client's requests went out, for the ones still in the tenant's window.
  const sent: number[] = (sentLog?.load() ?? []).sort((a, b) => a - b);
  // The tenant's limit as last told (as far as believable): what the share is a share of.
  let tenantLimit = CONTRACT_LIMIT;
  const count = () => {
    const since = now() - RATE_WINDOW_MS;
    while (sent.length > 0 && sent[0]! <= since) sent.shift();
    return sent.length;
  };
  const allowed = () =>
    share === undefined ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(tenantLimit * share));
  sentLog?.remember(() => (count(), sent));
  return {
    /** This client's requests in the window now. */
    count,
    /** How many the share allows in a window. */
    allowed,
    /** The share of this window is spent. */
    spent: () => count() >= allowed(),
    /** A request went out now. */
    record: () => void sent.push(now()),
    /** How long until this client's oldest request leaves the window. */
    oldestLeavesIn: () => sent[0]! + RATE_WINDOW_MS - now(),
    /** The limit a response told; an absurd one (0, negative, fractional, 1e9) is ignored. */
    tellLimit(limit: number | null) {
      tenantLimit = believedLimit(limit) ?? tenantLimit;
    },
  };
}
