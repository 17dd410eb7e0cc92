// Splits a window into contiguous time slices, newest first, so each can follow its own cursor
// chain in parallel. Boundaries follow the API's rule: `since` inclusive, `until` exclusive.
import type { RunWindow } from '@/domain/sync-runs/model/window';

export type Slice = RunWindow & { index: number };

const SLICE_TARGET_MS = 5 * 24 * 60 * 60 * 1000;
export const MAX_SLICES = 6;

/** About one slice per 5 days, at most MAX_SLICES (the browser's connections per host). */
export function sliceCount(spanMs: number, max = MAX_SLICES): number {
  return Math.max(1, Math.min(max, Math.round(spanMs / SLICE_TARGET_MS)));
}

export function splitWindow(window: RunWindow, count: number): Slice[] {
  const since = Date.parse(window.since);
  const until = Date.parse(window.until);
  const n = Math.max(1, Math.floor(count));
  if (n === 1 || !(until > since)) return [{ index: 0, since: window.since, until: window.until }];
  const step = Math.ceil((until - since) / n / 1000) * 1000;
  const slices: Slice[] = [];
  for (let i = 0; i < n; i += 1) {
    const end = until - i * step;
    const start = Math.max(since, end - step);
    if (end <= since) break;
    slices.push({
      index: i,
      since: i === n - 1 || start <= since ? window.since : new Date(start).toISOString(),
      until: i === 0 ? window.until : new Date(end).toISOString(),
    });
  }
  return slices;
}
