// Status filter and text search over everything a user might remember about a run.
import type { RunStatus, SyncRun } from '@/lib/api/schemas';

export type RunFilter = { statuses: readonly RunStatus[]; q: string };

function runText(run: SyncRun): string {
  const parts: string[] = [run.run_id, run.error ?? '', run.dashboard_message ?? ''];
  for (const activity of run.activities) {
    parts.push(activity.activity_label);
    for (const failure of activity.failures) {
      parts.push(
        failure.resource_label,
        failure.parent_label ?? '',
        failure.reason,
        failure.error_message,
      );
    }
  }
  return parts.join('\n').toLowerCase();
}

/** Every whitespace-separated term must appear somewhere in the run (case-insensitive). */
export function matchesQuery(run: SyncRun, q: string): boolean {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const text = runText(run);
  return terms.every((term) => text.includes(term));
}

export function filterRuns(runs: readonly SyncRun[], filter: RunFilter): SyncRun[] {
  const statuses = new Set(filter.statuses);
  return runs.filter(
    (run) => (statuses.size === 0 || statuses.has(run.status)) && matchesQuery(run, filter.q),
  );
}

export function countByStatus(runs: readonly SyncRun[]): Record<RunStatus, number> {
  const counts: Record<RunStatus, number> = { RUNNING: 0, SUCCESS: 0, FAILURE: 0, SKIPPED: 0 };
  for (const run of runs) counts[run.status] += 1;
  return counts;
}
