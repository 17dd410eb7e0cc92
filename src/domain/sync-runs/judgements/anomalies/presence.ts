// Which runs fail, and which activities run: a failure rate far above what it was earlier in the
// window, and an activity that was in nearly every run and is missing from the newest ones.
import { plural } from '@/lib/format/plural';
import { sentenceTime, type Anomaly } from './anomaly';
import { trailingStreak, type HistoryRun } from './history';
import {
  FAILURE_RATE_RISE,
  MIN_BASELINE_RUNS,
  MIN_RECENT_FAILURES,
  MIN_RECENT_RUNS,
  MIN_STREAK_RUNS,
  RECENT_SHARE,
  USUALLY_PRESENT_SHARE,
} from './thresholds';

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function failureRate(history: readonly HistoryRun[]): Anomaly | null {
  const recentCount = Math.max(MIN_RECENT_RUNS, Math.ceil(history.length * RECENT_SHARE));
  const earlier = history.slice(0, history.length - recentCount);
  if (earlier.length < MIN_BASELINE_RUNS) return null;
  const recent = history.slice(history.length - recentCount);
  const failing = recent.filter((run) => run.failed);
  const before = earlier.filter((run) => run.failed).length / earlier.length;
  const now = failing.length / recent.length;
  if (failing.length < MIN_RECENT_FAILURES || now - before < FAILURE_RATE_RISE) return null;
  const since = failing[0]!.start;
  return {
    kind: 'failure-rate',
    activity: null,
    sentence: `${percent(now)} of the last ${plural(recent.length, 'run')} failed (since ${sentenceTime(since)}), against ${percent(before)} before.`,
    since: new Date(since).toISOString(),
    runIds: failing.map((run) => run.run.run_id),
    evidence: { recentShare: now, earlierShare: before, recentRuns: recent.length },
  };
}

export function activityMissing(history: readonly HistoryRun[], activity: string): Anomaly | null {
  // Failed runs may stop before an activity: that is the failure rate's to tell, not this one's.
  const runs = history.filter((run) => !run.failed);
  const streak = trailingStreak(runs, (run) => !run.activities.has(activity));
  if (streak < MIN_STREAK_RUNS) return null;
  const earlier = runs.slice(0, runs.length - streak);
  if (earlier.length < MIN_BASELINE_RUNS) return null;
  const share = earlier.filter((run) => run.activities.has(activity)).length / earlier.length;
  if (share < USUALLY_PRESENT_SHARE) return null;
  const tail = runs.slice(runs.length - streak);
  const since = tail[0]!.start;
  return {
    kind: 'activity-missing',
    activity,
    sentence: `${activity} has not run in the last ${plural(streak, 'run')} since ${sentenceTime(since)}; it was in ${percent(share)} of the runs before.`,
    since: new Date(since).toISOString(),
    runIds: tail.map((run) => run.run.run_id),
    evidence: { runs: streak, earlierShare: share },
  };
}
