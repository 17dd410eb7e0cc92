// "Fresh as of": per activity, the start of the last run in which it finished without failures.
import type { SyncRun } from '@/lib/api/schemas';
import { startOrEarliest } from '@/domain/sync-runs/model/run-times';

export type ActivityFreshness = {
  activity: string;
  /** Start of the newest finished run where this activity had no failures, or null if none in the window. */
  freshAsOf: string | null;
  freshRunId: string | null;
  /** Start of the newest run that included this activity at all. */
  lastSeen: string | null;
  lastFailedAt: string | null;
};

/** Whether `run` started after `than` (a run that started never loses to none). */
function later(than: SyncRun | null, run: SyncRun): boolean {
  if (!run.started_at) return false;
  if (!than) return true;
  return startOrEarliest(run) > startOrEarliest(than);
}

export function activityFreshness(runs: readonly SyncRun[]): ActivityFreshness[] {
  const byActivity = new Map<string, ActivityFreshness>();
  // The runs behind each entry's times, compared by their parsed starts.
  const newestRuns = new Map<
    string,
    { seen: SyncRun | null; failed: SyncRun | null; fresh: SyncRun | null }
  >();
  for (const run of runs) {
    for (const activity of run.activities) {
      const entry = byActivity.get(activity.activity_label) ?? {
        activity: activity.activity_label,
        freshAsOf: null,
        freshRunId: null,
        lastSeen: null,
        lastFailedAt: null,
      };
      byActivity.set(activity.activity_label, entry);
      const newest = newestRuns.get(activity.activity_label) ?? {
        seen: null,
        failed: null,
        fresh: null,
      };
      newestRuns.set(activity.activity_label, newest);
      if (later(newest.seen, run)) {
        newest.seen = run;
        entry.lastSeen = run.started_at;
      }
      const finished = run.status !== 'RUNNING' && run.finished_at !== null;
      if (activity.failures.length > 0) {
        if (later(newest.failed, run)) {
          newest.failed = run;
          entry.lastFailedAt = run.started_at;
        }
      } else if (finished && later(newest.fresh, run)) {
        newest.fresh = run;
        entry.freshAsOf = run.started_at;
        entry.freshRunId = run.run_id;
      }
    }
  }
  return [...byActivity.values()].sort((a, b) => a.activity.localeCompare(b.activity));
}

/** The activity that has gone longest without a clean run (never beats any time). */
export function stalestActivity(items: readonly ActivityFreshness[]): ActivityFreshness | null {
  let worst: ActivityFreshness | null = null;
  for (const item of items) {
    if (!worst) worst = item;
    else if (item.freshAsOf === null) {
      if (worst.freshAsOf !== null) worst = item;
    } else if (worst.freshAsOf !== null && Date.parse(item.freshAsOf) < Date.parse(worst.freshAsOf))
      worst = item;
  }
  return worst;
}
