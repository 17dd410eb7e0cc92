// One client's manners toward the tenant's shared rate limit (1,200 requests per 60 s, a sliding
// window, shared by every viewer of the tenant), as pure rules: every viewer reads the same
// X-RateLimit-Remaining, so each narrows the requests it keeps in flight as that number falls: with
// N viewers doing the same, the budget shrinks by at most N/CLIENTS_SHARING of what is spare per
// round trip, and never runs out while N ≤ CLIENTS_SHARING. The gate (rate-gate.ts) applies them.
import {
  believedLimit,
  CONTRACT_LIMIT,
  RATE_WINDOW_MS,
  type RateLimitInfo,
} from './rate-limit-info';

/** `background` work (the rest of an overview card's week) leaves room for what people wait on. */
export type RequestPriority = 'normal' | 'background';

/**
 * Requests in flight at once per client, whoever asks (every window, every overview card, the live
 * refresh): the browser's six connections per host.
 */
export const MAX_IN_FLIGHT = 6;

/** The viewers (tabs, browsers, widgets) that can share one tenant's budget without a 429. */
export const CLIENTS_SHARING = 16;

/** With the budget spent, a client asks again at most once in this time, whatever the headers say. */
export const MIN_PROBE_GAP_MS = 1000;

const limitOf = (limit: number | null) => believedLimit(limit) ?? CONTRACT_LIMIT;

/** Requests kept in reserve for the rest of the tenant (other tabs, scripts): we pause before them. */
export function rateLimitReserve(limit: number | null): number {
  return Math.max(5, Math.ceil(limitOf(limit) * 0.02));
}

/** What background work leaves to the reserve besides: room for other viewers' first screens. */
export function backgroundHeadroom(limit: number | null): number {
  return Math.ceil(limitOf(limit) * 0.1);
}

/** Background requests in flight at once while other clients of the tenant are busy. */
export const BACKGROUND_IN_FLIGHT_SHARED = 1;

/**
 * Requests of the tenant's window that are not this client's: the limit less what is left and
 * less what this client sent within the window (its requests in flight counted as arrived, so
 * the others are rather under- than overcounted). Pure, for the tests.
 */
export function othersInWindow(budget: RateLimitInfo, ownInWindow: number): number {
  if (budget.limit === null || budget.remaining === null) return 0;
  return Math.max(0, budget.limit - budget.remaining - ownInWindow);
}

/** Other clients are busy when their requests in the window exceed the reserve kept for them. */
export function othersBusy(budget: RateLimitInfo, ownInWindow: number): boolean {
  return othersInWindow(budget, ownInWindow) > rateLimitReserve(budget.limit);
}

/**
 * How many requests this client may keep in flight, given the budget it last read (counted down by
 * its own requests since). Background work keeps one in flight while other clients are busy: their
 * first screens wait on the same API. Pure, for the tests.
 */
export function allowedInFlight(
  budget: RateLimitInfo,
  priority: RequestPriority,
  most = MAX_IN_FLIGHT,
  busyOthers = false,
): number {
  const cap =
    priority === 'background' && busyOthers ? Math.min(most, BACKGROUND_IN_FLIGHT_SHARED) : most;
  if (budget.remaining === null) return cap;
  const kept =
    rateLimitReserve(budget.limit) +
    (priority === 'background' ? backgroundHeadroom(budget.limit) : 0);
  const spare = budget.remaining - kept;
  return Math.max(0, Math.min(cap, Math.floor(spare / CLIENTS_SHARING)));
}

/** The spread of waiting clients' next requests is never more than this. */
export const MAX_WAKE_SPREAD_MS = 1000;

/**
 * How long a client with nothing allowed waits before it asks again: until the window's oldest
 * request leaves, plus a share of the time CLIENTS_SHARING requests take to free up at the limit's
 * steady rate (at most MAX_WAKE_SPREAD_MS), so viewers waiting together do not all ask in the same
 * moment. `random` is 0–1. A reset that is missing or already past tells nothing: the wait is then
 * MIN_PROBE_GAP_MS, doubled for each wait in a row that found no room (`waitsInARow`), up to one
 * window. Never less than MIN_PROBE_GAP_MS, never more than a window and the spread.
 */
export function wakeDelay(
  budget: RateLimitInfo,
  now: number,
  random: number,
  waitsInARow = 0,
): number {
  const untilReset = budget.resetAt === null ? 0 : budget.resetAt * 1000 - now;
  const wait =
    untilReset > 0
      ? // The oldest request leaves within one window, whatever a skewed clock makes of the reset.
        Math.min(RATE_WINDOW_MS, Math.max(MIN_PROBE_GAP_MS, untilReset))
      : Math.min(RATE_WINDOW_MS, MIN_PROBE_GAP_MS * 2 ** Math.min(waitsInARow, 16));
  const steadyGapMs = RATE_WINDOW_MS / limitOf(budget.limit);
  return wait + random * Math.min(MAX_WAKE_SPREAD_MS, CLIENTS_SHARING * steadyGapMs);
}
