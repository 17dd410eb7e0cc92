// Every anomaly detector over one window's runs. Pure: the dashboard shows what this returns and
// the watcher service notifies on it, unchanged.
import type { SyncRun } from '@/lib/api/schemas';
import { byIdentity } from '@/lib/memo/by-identity';
import type { Anomaly, AnomalyReport } from './anomaly';
import { finishedHistory } from './history';
import { activityMissing, failureRate } from './presence';
import { MIN_BASELINE_RUNS, MIN_STREAK_RUNS } from './thresholds';
import { longRunning, slowerRuns } from './timing';
import { findsNothing, volumeShift } from './volume';

/** Everything that depends on the runs alone, found once per runs array (the clock moves on often). */
const findingsOf = byIdentity((runs: readonly SyncRun[]): Anomaly[] => {
  const history = finishedHistory(runs);
  const activities = new Set<string>();
  for (const run of history) for (const label of run.activities.keys()) activities.add(label);
  const found: (Anomaly | null)[] = [];
  for (const activity of [...activities].sort()) {
    const nothing = findsNothing(history, activity);
    found.push(nothing, activityMissing(history, activity));
    // A drop to nothing is said once, as "finds nothing".
    if (!nothing)
      found.push(volumeShift(history, activity, 'total'), volumeShift(history, activity, 'synced'));
  }
  found.push(slowerRuns(history), failureRate(history));
  return found.filter((a): a is Anomaly => a !== null);
});

export function detectAnomalies(runs: readonly SyncRun[], now: number): AnomalyReport {
  const history = finishedHistory(runs);
  if (history.length < MIN_BASELINE_RUNS + MIN_STREAK_RUNS)
    return { anomalies: [], notEnoughHistory: true };
  const running = longRunning(runs, history, now);
  const anomalies = running ? [...findingsOf(runs), running] : [...findingsOf(runs)];
  return {
    anomalies: anomalies.sort((a, b) => a.since.localeCompare(b.since)),
    notEnoughHistory: false,
  };
}
