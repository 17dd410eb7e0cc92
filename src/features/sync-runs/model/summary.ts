// Derives an integration's at-a-glance summary from its runs (newest first).
import type { SyncRun } from '../../../lib/api/schemas';

export type IntegrationSummary = {
  latest: SyncRun | null;
  lastSuccess: SyncRun | null;
  failingRuns: number;
  total: number;
};

function startedAtMs(run: SyncRun): number {
  return run.started_at ? Date.parse(run.started_at) : Number.NEGATIVE_INFINITY;
}

export function summarizeRuns(runs: readonly SyncRun[]): IntegrationSummary {
  let latest: SyncRun | null = null;
  let lastSuccess: SyncRun | null = null;
  let failingRuns = 0;
  for (const run of runs) {
    if (!latest || startedAtMs(run) > startedAtMs(latest)) latest = run;
    if (run.status === 'SUCCESS' && (!lastSuccess || startedAtMs(run) > startedAtMs(lastSuccess)))
      lastSuccess = run;
    if (run.status === 'FAILURE') failingRuns += 1;
  }
  return { latest, lastSuccess, failingRuns, total: runs.length };
}
