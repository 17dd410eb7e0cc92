// The time window a view asks the API for (the API allows at most 30 days).

export const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_WINDOW_MS = 30 * DAY_MS;

/** A window of run start times as the API takes it: ISO-8601, `since` inclusive, `until` exclusive. */
export type RunWindow = { since: string; until: string };

/** The same window as epoch milliseconds, for drawing and counting. */
export type RunWindowMs = { since: number; until: number };

export function windowMs(window: RunWindow): RunWindowMs {
  return { since: Date.parse(window.since), until: Date.parse(window.until) };
}

/** The next whole minute after `now`: where windows ending now end, so they are stable and shareable. */
export function nextWholeMinute(now: number): number {
  return Math.floor(now / 60_000) * 60_000 + 60_000;
}

/** A window ending now, floored to the minute so it is stable across renders and shareable. */
export function windowEndingAt(now: number, durationMs: number): RunWindow {
  const until = nextWholeMinute(now);
  const since = until - Math.min(durationMs, MAX_WINDOW_MS);
  return { since: new Date(since).toISOString(), until: new Date(until).toISOString() };
}
