// The history the anomaly detectors read: finished, non-skipped runs oldest first, with what each
// activity saw and synced. SKIPPED runs sync nothing and RUNNING ones are not over, so neither
// counts towards what is usual.
import type { SyncRun } from '@/lib/api/schemas';
import { byIdentity } from '@/lib/memo/by-identity';
import { runFinishMs, runStartMs } from '@/domain/sync-runs/model/run-times';
import { percentile, sortedCopy } from '@/domain/sync-runs/judgements/stats';

export type ActivityPoint = { total: number; synced: number; failures: number };

export type HistoryRun = {
  run: SyncRun;
  start: number;
  durationMs: number | null;
  failed: boolean;
  activities: ReadonlyMap<string, ActivityPoint>;
};

function readHistory(runs: readonly SyncRun[]): HistoryRun[] {
  const history: HistoryRun[] = [];
  for (const run of runs) {
    if (run.status === 'SKIPPED' || run.status === 'RUNNING') continue;
    const start = runStartMs(run);
    const finish = runFinishMs(run);
    if (start === null || finish === null) continue;
    const activities = new Map<string, ActivityPoint>();
    for (const a of run.activities) {
      const point = activities.get(a.activity_label) ?? { total: 0, synced: 0, failures: 0 };
      activities.set(a.activity_label, {
        total: point.total + a.total_count,
        synced: point.synced + a.synced_count,
        failures: point.failures + a.failures.length,
      });
    }
    history.push({
      run,
      start,
      durationMs: Math.max(0, finish - start),
      failed: run.status === 'FAILURE',
      activities,
    });
  }
  return history.sort((a, b) => a.start - b.start);
}

/**
 * The history of a runs array, read once per array: the detectors, the record finder and the
 * overview's health all ask for it, every time the clock moves on.
 */
export const finishedHistory = byIdentity(readHistory);

/** How many of the newest values, in a row, satisfy `test` (0 when the newest does not). */
export function trailingStreak<T>(values: readonly T[], test: (value: T) => boolean): number {
  let count = 0;
  for (let i = values.length - 1; i >= 0 && test(values[i] as T); i -= 1) count += 1;
  return count;
}

export type Usual = { median: number; low: number; high: number };

/** The usual level of some values: median, and the 10th–90th percentile range. */
export function usual(values: readonly number[]): Usual {
  const sorted = sortedCopy(values);
  return {
    median: percentile(sorted, 0.5),
    low: percentile(sorted, 0.1),
    high: percentile(sorted, 0.9),
  };
}
