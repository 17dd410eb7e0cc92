// Run durations: runs that take far longer than usual, several in a row, and a run still running
// far past its usual duration.
import type { SyncRun } from '@/lib/api/schemas';
import { plural } from '@/lib/format/plural';
import { factor, minutes, sentenceTime, type Anomaly } from './anomaly';
import { usual, type HistoryRun } from './history';
import { changedTail } from './volume';
import { runStartMs } from '@/domain/sync-runs/model/run-times';
import {
  MIN_BASELINE_RUNS,
  RUNNING_LONG_FACTOR,
  SLOW_FACTOR,
  SLOW_MIN_EXTRA_MS,
} from './thresholds';

function durations(history: readonly HistoryRun[]) {
  return history.flatMap((run) =>
    run.durationMs === null ? [] : [{ run, value: run.durationMs }],
  );
}

export function slowerRuns(history: readonly HistoryRun[]): Anomaly | null {
  const found = changedTail(durations(history), (before) => {
    const range = usual(before);
    return (value) => value > range.high * SLOW_FACTOR && value - range.median >= SLOW_MIN_EXTRA_MS;
  });
  if (!found) return null;
  const range = usual(found.baseline);
  const recent = usual(found.tail.map((p) => p.value)).median;
  const ratio = recent / Math.max(1, range.median);
  const since = found.tail[0]!.run.start;
  return {
    kind: 'slower-runs',
    activity: null,
    sentence: `Runs take about ${minutes(recent)}, ${factor(ratio)} slower than usual (${minutes(range.median)}), since ${sentenceTime(since)} (${plural(found.tail.length, 'run')} in a row).`,
    since: new Date(since).toISOString(),
    runIds: found.tail.map((p) => p.run.run.run_id),
    evidence: { runs: found.tail.length, factor: ratio, usualMs: range.median, recentMs: recent },
  };
}

export function longRunning(
  runs: readonly SyncRun[],
  history: readonly HistoryRun[],
  now: number,
): Anomaly | null {
  if (!runs.some((run) => run.status === 'RUNNING')) return null;
  const past = durations(history).map((p) => p.value);
  if (past.length < MIN_BASELINE_RUNS) return null;
  const range = usual(past);
  for (const run of runs) {
    const start = runStartMs(run);
    if (run.status !== 'RUNNING' || start === null) continue;
    const elapsed = now - start;
    if (elapsed > range.high * RUNNING_LONG_FACTOR && elapsed - range.median >= SLOW_MIN_EXTRA_MS)
      return {
        kind: 'long-running',
        activity: null,
        sentence: `A run started ${sentenceTime(start)} has been running for ${minutes(elapsed)}, ${factor(elapsed / Math.max(1, range.median))} its usual ${minutes(range.median)}.`,
        since: new Date(start).toISOString(),
        runIds: [run.run_id],
        evidence: { elapsedMs: elapsed, usualMs: range.median },
      };
  }
  return null;
}
