// The time window a view asks the API for (the API allows at most 30 days).

export const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_WINDOW_MS = 30 * DAY_MS;

/** A window ending now, floored to the minute so it is stable across renders and shareable. */
export function windowEndingAt(now: number, durationMs: number): { since: string; until: string } {
  const until = Math.floor(now / 60_000) * 60_000 + 60_000;
  const since = until - Math.min(durationMs, MAX_WINDOW_MS);
  return { since: new Date(since).toISOString(), until: new Date(until).toISOString() };
}
