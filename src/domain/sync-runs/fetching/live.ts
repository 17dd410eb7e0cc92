// Live refresh: ask only for what can have changed since the last load, then merge it in.
import type { SyncRun } from '@/lib/api/schemas';
import { runStartMs, startOrEarliest } from '@/domain/sync-runs/model/run-times';
import { MAX_WINDOW_MS, nextWholeMinute, type RunWindow } from '@/domain/sync-runs/model/window';

const RUNNING_LOOKBACK_MS = 24 * 60 * 60 * 1000;
export const LIVE_POLL_MS = 60_000;
export const LIVE_POLL_RUNNING_MS = 15_000;

/**
 * The start of the refresh window: the newest run's start (it may still change), pulled back to the
 * oldest run still RUNNING within the last day, so those runs' final states arrive too.
 */
export function liveSince(runs: readonly SyncRun[], windowSince: number): number {
  let newest: number | null = null;
  for (const run of runs) {
    const start = runStartMs(run);
    if (start !== null && (newest === null || start > newest)) newest = start;
  }
  if (newest === null) return windowSince;
  let since = newest;
  for (const run of runs) {
    const start = runStartMs(run);
    if (
      run.status === 'RUNNING' &&
      start !== null &&
      start < since &&
      newest - start <= RUNNING_LOOKBACK_MS
    ) {
      since = start;
    }
  }
  return Math.max(since, windowSince);
}

/** Newer copies replace older ones by run_id; the result stays newest first. */
export function mergeLiveRuns(base: readonly SyncRun[], live: readonly SyncRun[]): SyncRun[] {
  if (live.length === 0) return base as SyncRun[];
  // The first copy of a run wins, as in paging: a duplicate inside the refresh is dropped too.
  const byId = new Map<string, SyncRun>();
  for (const run of live) if (!byId.has(run.run_id)) byId.set(run.run_id, run);
  const merged: SyncRun[] = [...byId.values()];
  for (const run of base) if (!byId.has(run.run_id)) merged.push(run);
  return merged.sort((a, b) => startOrEarliest(b) - startOrEarliest(a));
}

export function hasRunning(runs: readonly SyncRun[]): boolean {
  return runs.some((run) => run.status === 'RUNNING');
}

/**
 * What one refresh asks for: from `since` up to the next whole minute, but never more than the 30
 * days the API allows. A page left open on an integration that stopped running keeps `since` at
 * the window's start while the clock moves on; asking from there would be refused with a 400.
 */
export function liveWindow(since: number, now: number): RunWindow {
  const until = nextWholeMinute(now);
  return {
    since: new Date(Math.max(since, until - MAX_WINDOW_MS)).toISOString(),
    until: new Date(until).toISOString(),
  };
}
