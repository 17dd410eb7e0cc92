// What a client believes of the API's rate-limit headers: bounded, so a hostile or broken header
// (a limit of 0, -5 or 1e12, a negative Remaining) can neither stop a client nor lift its share.

export type RateLimitInfo = {
  limit: number | null;
  remaining: number | null;
  /** Unix epoch seconds when the window frees up (in a sliding window: its oldest request leaves). */
  resetAt: number | null;
};

/**
 * The tenant's limit, written once for the gate, the watcher, the stand-in and the bench: Neo's
 * documented 1,200 requests per window (RATE_WINDOW_MS), shared by every client of the tenant.
 */
export const CONTRACT_LIMIT = 1200;

/** The tenant's window (Neo: 60 s, sliding); X-RateLimit-Reset tells when its oldest request leaves. */
export const RATE_WINDOW_MS = 60_000;

/** An X-RateLimit-Limit above this (ten times the contract's) is not believed. */
export const MAX_BELIEVED_LIMIT = 10 * CONTRACT_LIMIT;

/**
 * The limit a client acts on: what the API says if it is a plausible whole number (1 to ten times
 * the contract's), otherwise the contract's 1,200. A hostile or broken header (0, -5, 1e12) can
 * neither stop a client nor lift its share.
 */
export function believedLimit(limit: number | null): number | null {
  if (limit === null) return null;
  return Number.isInteger(limit) && limit >= 1 && limit <= MAX_BELIEVED_LIMIT
    ? limit
    : CONTRACT_LIMIT;
}

/**
 * Rate-limit headers as believed: the limit bounded (believedLimit), what is left a whole number
 * from 0 to that limit. X-RateLimit-Reset is bounded where it is used (wakeDelay).
 */
export function believedRateLimit(info: RateLimitInfo): RateLimitInfo {
  const limit = believedLimit(info.limit);
  const remaining =
    info.remaining === null
      ? null
      : Math.max(0, Math.min(Math.floor(info.remaining), limit ?? MAX_BELIEVED_LIMIT));
  return { limit, remaining, resetAt: info.resetAt };
}
