// Derives an integration's at-a-glance summary from its runs (newest first).
import type { SyncRun } from '@/lib/api/schemas';
import { startOrEarliest } from './run-times';

export type IntegrationSummary = {
  latest: SyncRun | null;
  lastSuccess: SyncRun | null;
  failingRuns: number;
  total: number;
};

export function summarizeRuns(runs: readonly SyncRun[]): IntegrationSummary {
  let latest: SyncRun | null = null;
  let lastSuccess: SyncRun | null = null;
  let failingRuns = 0;
  for (const run of runs) {
    if (!latest || startOrEarliest(run) > startOrEarliest(latest)) latest = run;
    if (
      run.status === 'SUCCESS' &&
      (!lastSuccess || startOrEarliest(run) > startOrEarliest(lastSuccess))
    )
      lastSuccess = run;
    if (run.status === 'FAILURE') failingRuns += 1;
  }
  return { latest, lastSuccess, failingRuns, total: runs.length };
}
