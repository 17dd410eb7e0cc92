// Time units and the injectable clock: every time-dependent answer takes `now` from here, so tests never sleep.
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** UTC RFC 3339 with `Z`, as the real API sends timestamps. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
