// A window's runs as the page shows them: every page loaded, kept live while the window includes
// now, unreadable runs reported once.
import { useMemo } from 'react';
import { hasRunning, liveSince } from '@/domain/sync-runs/fetching/live';
import { uniqueProblems } from '@/domain/sync-runs/fetching/paging';
import { withLiveRuns } from '@/domain/sync-runs/view/window-derivations';
import type { WindowMode } from '@/features/sync-runs/api/window-query';
import type { OpenedWindow } from '@/features/sync-runs/hooks/use-opened-window';
import type { SyncRun } from '@/lib/api/schemas';
import { useLiveRuns } from './use-live-runs';
import { useSyncRuns } from './use-sync-runs';
import { useThrottledValue } from './use-throttled-value';

const NO_RUNS: readonly SyncRun[] = [];

export function useWindowRuns(name: string, { window, openedAt }: OpenedWindow, mode: WindowMode) {
  const base = useSyncRuns(name, window, mode);
  const since = Date.parse(window.since);
  const includesNow = Date.parse(window.until) >= openedAt - 60_000;
  const running = hasRunning(base.runs);
  const refreshSince = useMemo(
    () => (includesNow && base.isComplete ? liveSince(base.runs, since) : null),
    [includesNow, base.isComplete, base.runs, since],
  );
  // Read up to now in one round (a return visit: kept runs and what is new), the live refresh's
  // first check waits its interval; it would ask again for what that round just read.
  const freshAsOf = base.isComplete && base.pagesLoaded === 1 ? base.query.dataUpdatedAt : null;
  const live = useLiveRuns(name, refreshSince, running, freshAsOf);
  const merged = withLiveRuns(base.runs, live.data?.runs ?? NO_RUNS);
  // While pages keep arriving, redraw the heavy views (chart, table, insights) at most once a second:
  // the first runs show at once, the rest when complete (progress counts stay live). On an overview
  // card, its newest day's first page shows as soon as it is read (the card's health), and the rest
  // of the week at most every 5 s: it is background work, and other cards (or other viewers on the
  // same machine) are still reading their first screens.
  const overview = mode === 'overview';
  const runs = useThrottledValue(
    merged,
    overview ? 5000 : 1000,
    base.isComplete,
    overview && base.newestRead,
  );
  const problems = useMemo(
    () => uniqueProblems([...base.problems, ...(live.data?.problems ?? [])]),
    [base.problems, live.data],
  );
  return { base, live, runs, running, includesNow, problems };
}

export type WindowRuns = ReturnType<typeof useWindowRuns>;
