// Per-activity volume: an activity that finds nothing while its runs succeed, and a volume that
// moves far outside its usual range and stays there.
import { plural } from '@/lib/format/plural';
import { aboutCount, count, sentenceTime, type Anomaly } from './anomaly';
import { trailingStreak, usual, type HistoryRun } from './history';
import { percentile, sortedCopy } from '@/domain/sync-runs/judgements/stats';
import {
  MIN_BASELINE_RUNS,
  MIN_STREAK_RUNS,
  NOTHING_MIN_USUAL,
  NOTHING_SHARE,
  SHIFT_FACTOR,
  SHIFT_MIN_RECORDS,
} from './thresholds';

type Point = { run: HistoryRun; value: number };

/** Runs in which the activity ran and did not fail, oldest first, with one of its counts. */
function series(history: readonly HistoryRun[], activity: string, metric: 'total' | 'synced') {
  const points: Point[] = [];
  for (const run of history) {
    const point = run.activities.get(activity);
    if (!point || run.failed || point.failures > 0) continue;
    points.push({ run, value: point[metric] });
  }
  return points;
}

/** A test of "outside what is usual", given the values before. */
type Judge = (before: number[]) => (value: number) => boolean;

/**
 * The newest points that are outside what is usual, judged against the points before them: first
 * against the older half (a change that has lasted a while must not become its own "usual": runs
 * slow for a day of a week are a fifth of it), then against exactly the points before the change.
 */
export function changedTail<P extends { value: number }>(points: readonly P[], judge: Judge) {
  const roughLength = Math.min(
    points.length - MIN_STREAK_RUNS,
    Math.max(MIN_BASELINE_RUNS, Math.ceil(points.length / 2)),
  );
  if (roughLength < MIN_BASELINE_RUNS) return null;
  const rough = points.slice(0, roughLength).map((p) => p.value);
  const roughTest = judge(rough);
  const first = trailingStreak(points, (p) => roughTest(p.value));
  const baseline = points.slice(0, points.length - first).map((p) => p.value);
  if (baseline.length < MIN_BASELINE_RUNS) return null;
  const test = judge(baseline);
  const streak = trailingStreak(points, (p) => test(p.value));
  if (streak < MIN_STREAK_RUNS) return null;
  return { tail: points.slice(points.length - streak), baseline };
}

export function findsNothing(history: readonly HistoryRun[], activity: string): Anomaly | null {
  const points = series(history, activity, 'total');
  const found = changedTail(points, (before) => {
    const level = percentile(sortedCopy(before), 0.75);
    return (value) => level >= NOTHING_MIN_USUAL && value < NOTHING_SHARE * level;
  });
  if (!found) return null;
  const level = usual(found.baseline).median;
  if (level < NOTHING_MIN_USUAL) return null;
  const most = Math.max(...found.tail.map((p) => p.value));
  const since = found.tail[0]!.run.start;
  return {
    kind: 'finds-nothing',
    activity,
    sentence: `${activity} has found ${most === 0 ? '0 records' : `at most ${count(most)} records`} in each of the last ${plural(found.tail.length, 'run')} since ${sentenceTime(since)}; it usually finds about ${aboutCount(level)}.`,
    since: new Date(since).toISOString(),
    runIds: found.tail.map((p) => p.run.run.run_id),
    evidence: { runs: found.tail.length, usual: level, most },
  };
}

export function volumeShift(
  history: readonly HistoryRun[],
  activity: string,
  metric: 'total' | 'synced',
): Anomaly | null {
  const points = series(history, activity, metric);
  const sideOf = (before: number[]) => {
    const range = usual(before);
    return (value: number) =>
      value > range.high * SHIFT_FACTOR && value - range.median >= SHIFT_MIN_RECORDS
        ? 'up'
        : value < range.low / SHIFT_FACTOR && range.median - value >= SHIFT_MIN_RECORDS
          ? 'down'
          : null;
  };
  const newest = points.at(-1);
  if (!newest || points.length < MIN_BASELINE_RUNS + MIN_STREAK_RUNS) return null;
  const direction = sideOf(points.slice(0, points.length - MIN_STREAK_RUNS).map((p) => p.value))(
    newest.value,
  );
  if (!direction) return null;
  const found = changedTail(points, (before) => {
    const side = sideOf(before);
    return (value) => side(value) === direction;
  });
  if (!found) return null;
  const range = usual(found.baseline);
  const values = sortedCopy(found.tail.map((p) => p.value));
  const now = percentile(values, 0.5);
  const since = found.tail[0]!.run.start;
  const what = metric === 'total' ? 'finds' : 'syncs';
  return {
    kind: 'volume-shift',
    activity,
    sentence: `${activity} ${what} about ${aboutCount(now)} records per run since ${sentenceTime(since)} (${plural(found.tail.length, 'run')} in a row), ${direction === 'up' ? 'far more' : 'far fewer'} than its usual ${aboutCount(range.low)}–${aboutCount(range.high)}.`,
    since: new Date(since).toISOString(),
    runIds: found.tail.map((p) => p.run.run.run_id),
    evidence: { runs: found.tail.length, median: now, usualLow: range.low, usualHigh: range.high },
  };
}
