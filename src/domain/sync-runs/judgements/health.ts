// One health state per integration for the overview, with its reason in one line.
import type { SyncRun } from '@/lib/api/schemas';
import { detectAnomalies } from '@/domain/sync-runs/judgements/anomalies/detect';
import { learnCadence } from './cadence';
import { failingReason } from './failure-text';
import { failureSignatures } from './signatures';
import { runStartMs, startOrEarliest } from '@/domain/sync-runs/model/run-times';

/** `inactive`: not connected or no scheduled syncs: nothing to fix in the sync itself. */
export type HealthState =
  'not-running' | 'failing' | 'suspicious' | 'delayed' | 'healthy' | 'unknown' | 'inactive';

export type Health = { state: HealthState; reason: string };

/** Worst first: the overview sorts by this. */
export const HEALTH_RANK: Record<HealthState, number> = {
  'not-running': 0,
  failing: 1,
  suspicious: 2,
  delayed: 3,
  unknown: 4,
  healthy: 5,
  inactive: 6,
};

/**
 * The states that are a problem: the watcher tells each change into one (and out of it, back to
 * healthy). Healthy and unknown (too few runs to judge) are not.
 */
export const PROBLEM_HEALTH_STATES: ReadonlySet<HealthState> = new Set<HealthState>([
  'not-running',
  'failing',
  'suspicious',
  'delayed',
  'inactive',
]);

export function isHealthProblem(state: HealthState): boolean {
  return PROBLEM_HEALTH_STATES.has(state);
}

/** Each state in words (its badge colour is the feature's). */
export const HEALTH_LABEL: Record<HealthState, string> = {
  'not-running': 'Not running',
  failing: 'Failing',
  suspicious: 'Suspicious',
  delayed: 'Delayed',
  unknown: 'Unknown',
  healthy: 'Healthy',
  inactive: 'Inactive',
};

const NOT_RUNNING_CADENCES = 3;

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m < 120 ? `${m} min` : `${Math.round(m / 60)} h`;
}

export function integrationHealth(runs: readonly SyncRun[], now: number): Health {
  const started = runs
    .filter((r) => runStartMs(r) !== null)
    .sort((a, b) => startOrEarliest(b) - startOrEarliest(a));
  const learned = learnCadence(started);
  if (started.length === 0) return { state: 'not-running', reason: 'No runs in the window.' };
  if (!learned.ok)
    return { state: 'unknown', reason: `Only ${started.length} runs: too few to judge.` };
  const { intervalHighMs, durationHighMs } = learned.cadence;

  // Runs that did something (SKIPPED ones do not sync).
  const working = started.filter((r) => r.status !== 'SKIPPED');
  const lastWorking = working[0];
  const stuck = started.find(
    (r) =>
      r.status === 'RUNNING' &&
      now - startOrEarliest(r) >
        Math.max(NOT_RUNNING_CADENCES * intervalHighMs, 4 * durationHighMs),
  );
  if (stuck)
    return {
      state: 'not-running',
      reason: `A run has been running for ${minutes(now - startOrEarliest(stuck))}; later runs are skipped.`,
    };
  if (!lastWorking || now - startOrEarliest(lastWorking) > NOT_RUNNING_CADENCES * intervalHighMs) {
    return {
      state: 'not-running',
      reason: `No sync for ${minutes(now - startOrEarliest(lastWorking ?? (started[0] as SyncRun)))} (normally every ${minutes(learned.cadence.intervalMs)}).`,
    };
  }
  const open = failureSignatures(started).filter((s) => s.state === 'open');
  if (open.length > 0) return { state: 'failing', reason: failingReason(open) };
  const latest = started[0]!;
  if (latest.status === 'FAILURE')
    return { state: 'failing', reason: latest.error ?? 'The latest run failed.' };
  // Runs that succeed yet find nothing, slow down or drop an activity: the unusual activity first.
  const [unusual] = detectAnomalies(started, now).anomalies;
  if (unusual) return { state: 'suspicious', reason: unusual.sentence };
  if (now - startOrEarliest(latest) > intervalHighMs + durationHighMs) {
    return {
      state: 'delayed',
      reason: `Last run ${minutes(now - startOrEarliest(latest))} ago; expected every ${minutes(learned.cadence.intervalMs)}.`,
    };
  }
  return {
    state: 'healthy',
    reason: `Syncing every ${minutes(learned.cadence.intervalMs)}, no open failures.`,
  };
}
