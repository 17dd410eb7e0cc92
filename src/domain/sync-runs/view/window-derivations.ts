// What the integration page derives from a window's runs, remembered per runs array: leaving the
// page and coming back (or another view of the same cached data) does not walk the runs again.
// Callers use them directly: a second memo (useMemo) around them adds nothing.
import type { SyncRun } from '@/lib/api/schemas';
import { byIdentity, byIdentityPair } from '@/lib/memo/by-identity';
import { learnCadence } from '@/domain/sync-runs/judgements/cadence';
import { countByStatus } from '@/domain/sync-runs/model/filter-runs';
import { activityFreshness } from '@/domain/sync-runs/judgements/freshness';
import { mergeLiveRuns } from '@/domain/sync-runs/fetching/live';
import { mergeRounds } from '@/domain/sync-runs/fetching/rounds';
import { runStartMs } from '@/domain/sync-runs/model/run-times';
import { failureSignatures } from '@/domain/sync-runs/judgements/signatures';
import { summarizeRuns } from '@/domain/sync-runs/model/summary';

export const mergedRoundsOf = byIdentity(mergeRounds);
export const withLiveRuns = byIdentityPair(mergeLiveRuns);
export const signaturesOf = byIdentity(failureSignatures);
export const freshnessOf = byIdentity(activityFreshness);
export const cadenceOf = byIdentity(learnCadence);
export const countsOf = byIdentity(countByStatus);
export const latestRunOf = byIdentity((runs: readonly SyncRun[]) => summarizeRuns(runs).latest);

/** The newest start in the window, or null when no run has one. */
export const latestStartOf = byIdentity((runs: readonly SyncRun[]): number | null => {
  let latest: number | null = null;
  for (const run of runs) {
    const t = runStartMs(run);
    if (t !== null && (latest === null || t > latest)) latest = t;
  }
  return latest;
});
