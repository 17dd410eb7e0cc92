// Learns how often a sync runs and how long it takes, from its own history.
import type { SyncRun } from '@/lib/api/schemas';
import { percentile, sortedCopy } from './stats';
import { runFinishMs, runStartMs } from '@/domain/sync-runs/model/run-times';
import type { RunWindowMs } from '@/domain/sync-runs/model/window';

export const MIN_INTERVALS = 5;
/** An interval this many times the median is a gap (an outage or missed runs), not the cadence. */
const GAP_FACTOR = 3;

export type Cadence = {
  /** Typical time between run starts (median of intervals without gaps). */
  intervalMs: number;
  /** A high percentile (p90) of the same intervals. */
  intervalHighMs: number;
  /** A low percentile (p10): with jitter, the next run can come this early. */
  intervalLowMs: number;
  durationMs: number;
  durationHighMs: number;
  samples: number;
};

export type CadenceResult =
  { ok: true; cadence: Cadence } | { ok: false; reason: 'not-enough-history'; runs: number };

function startTimes(runs: readonly SyncRun[]): number[] {
  const starts: number[] = [];
  for (const run of runs) {
    const t = runStartMs(run);
    if (t !== null) starts.push(t);
  }
  return sortedCopy(starts);
}

export function learnCadence(runs: readonly SyncRun[]): CadenceResult {
  const starts = startTimes(runs);
  const intervals: number[] = [];
  for (let i = 1; i < starts.length; i += 1) {
    const d = (starts[i] as number) - (starts[i - 1] as number);
    if (d > 0) intervals.push(d);
  }
  if (intervals.length < MIN_INTERVALS)
    return { ok: false, reason: 'not-enough-history', runs: starts.length };
  const all = sortedCopy(intervals);
  const median = percentile(all, 0.5);
  const regular = all.filter((d) => d <= median * GAP_FACTOR);
  const durations = sortedCopy(
    runs
      .filter((r) => r.status !== 'RUNNING')
      .flatMap((r) => {
        const start = runStartMs(r);
        const finish = runFinishMs(r);
        return start !== null && finish !== null ? [finish - start] : [];
      })
      .filter((d) => d >= 0),
  );
  return {
    ok: true,
    cadence: {
      intervalMs: percentile(regular, 0.5),
      intervalHighMs: percentile(regular, 0.9),
      intervalLowMs: percentile(regular, 0.1),
      durationMs: durations.length ? percentile(durations, 0.5) : 0,
      durationHighMs: durations.length ? percentile(durations, 0.9) : 0,
      samples: regular.length,
    },
  };
}

export type TimeRange = { earliest: number; latest: number };

/** When the next run should start, given the last start. */
export function nextRunExpected(
  cadence: Cadence,
  lastStart: number,
  now: number,
): TimeRange & { overdue: boolean } {
  const earliest = lastStart + cadence.intervalLowMs;
  const latest = lastStart + cadence.intervalHighMs;
  return {
    earliest: Math.max(earliest, Math.min(now, latest)),
    latest: Math.max(latest, now),
    overdue: now > latest,
  };
}

/**
 * When a record created at `createdAt` should be visible: the first run that starts after it
 * picks it up, and it is visible once that run finishes.
 */
export function visibleBy(cadence: Cadence, lastStart: number, createdAt: number): TimeRange {
  let nextStart = lastStart + cadence.intervalMs;
  while (nextStart < createdAt) nextStart += cadence.intervalMs;
  return {
    earliest:
      Math.max(createdAt, nextStart - (cadence.intervalMs - cadence.intervalLowMs)) +
      cadence.durationMs,
    latest:
      Math.max(nextStart, createdAt) +
      (cadence.intervalHighMs - cadence.intervalMs) +
      cadence.durationHighMs,
  };
}

export type MissedRun = { expectedAt: number };

/** Expected starts with no run: inside gaps longer than the cadence allows, and after the last run. */
export function findMissedRuns(
  runs: readonly SyncRun[],
  cadence: Cadence,
  window: RunWindowMs,
  now: number,
): MissedRun[] {
  const starts = startTimes(runs);
  const missed: MissedRun[] = [];
  const tolerance = Math.max(cadence.intervalHighMs, cadence.intervalMs * 1.5);
  const push = (from: number, to: number) => {
    for (
      let t = from + cadence.intervalMs;
      t + tolerance - cadence.intervalMs < to;
      t += cadence.intervalMs
    ) {
      if (t >= window.since && t < window.until) missed.push({ expectedAt: t });
    }
  };
  for (let i = 1; i < starts.length; i += 1) {
    const prev = starts[i - 1] as number;
    const next = starts[i] as number;
    if (next - prev > tolerance) push(prev, next);
  }
  const last = starts.at(-1);
  if (last !== undefined && Math.min(now, window.until) - last > tolerance)
    push(last, Math.min(now, window.until));
  return missed;
}
