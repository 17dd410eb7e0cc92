// Infinite-query options for an integration's runs in a window. The window is split into time
// slices followed in parallel; each page of the query is one round (see model/rounds.ts).
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { ApiSession } from '../../../lib/api/api-session-context';
import { withRetries, type RetryEvent } from '../../../lib/api/retry';
import { getSyncRunsPage, MAX_PAGE_SIZE } from '../../../lib/api/sync-runs';
import { initialFrontier, runRound, type SliceCursor } from '../model/rounds';
import { MAX_SLICES, sliceCount, splitWindow } from '../model/slices';
import { syncRunsKeys, type RunWindow } from './sync-runs-keys';

export type WindowFetchOptions = {
  pageSize?: number;
  /** At most this many slices (about one per 5 days of window; default 6). */
  maxSlices?: number;
  /** Requests in flight at once (the browser allows 6 per host over HTTP/1.1). */
  concurrency?: number;
  /** Told about each retry of a single page (429, 5xx, lost connection). */
  onRetry?: (event: RetryEvent) => void;
};

/** Nothing fetched yet: the newest slice (index 0) has not had its first page. */
function isFirstRound(frontier: readonly SliceCursor[]): boolean {
  return frontier.some((entry) => entry.index === 0 && entry.cursor === null);
}

export function syncRunsInfiniteOptions(
  session: ApiSession,
  name: string,
  window: RunWindow,
  options: WindowFetchOptions = {},
) {
  const pageSize = options.pageSize ?? MAX_PAGE_SIZE;
  const span = Date.parse(window.until) - Date.parse(window.since);
  const slices = sliceCount(span, options.maxSlices ?? MAX_SLICES);
  const concurrency = options.concurrency ?? MAX_SLICES;
  return infiniteQueryOptions({
    queryKey: [
      ...syncRunsKeys.window(session.accountId, name, window, pageSize),
      { slices },
    ] as const,
    queryFn: ({ pageParam, signal }) =>
      // The first round asks for the newest slice alone, so the first runs show after one request
      // instead of after the slowest of six; every later round keeps `concurrency` in flight.
      runRound(pageParam, isFirstRound(pageParam) ? 1 : concurrency, (entry) =>
        // A failed page is retried on its own; the round fails only when retrying does not help.
        withRetries(
          () =>
            getSyncRunsPage(
              session.client,
              { name, since: entry.since, until: entry.until, pageSize, cursor: entry.cursor },
              signal,
            ),
          { signal, onRetry: options.onRetry },
        ),
      ),
    initialPageParam: initialFrontier(splitWindow(window, slices)) as SliceCursor[],
    getNextPageParam: (last) => (last.next.length > 0 ? last.next : undefined),
    // Pages are never edited in place, so deep-comparing thousands of runs after every page is waste.
    structuralSharing: false,
  });
}
