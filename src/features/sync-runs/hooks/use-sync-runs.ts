// Loads every run of a window: follows the cursors without the user clicking, and reports progress.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useApiSession } from '@/lib/query/api-session-context';
import { retryReportKey, windowRetries } from '@/features/sync-runs/api/retry-reports';
import {
  syncRunsQueries,
  type WindowFetchOptions,
} from '@/features/sync-runs/api/sync-runs-queries';
import type { PagingState } from '@/domain/sync-runs/fetching/paging';
import { windowProgress } from '@/domain/sync-runs/fetching/progress';
import type { RoundPage } from '@/domain/sync-runs/fetching/rounds';
import { mergedRoundsOf } from '@/domain/sync-runs/view/window-derivations';
import { recordOf } from '@/domain/sync-runs/fetching/run-cache';
import { windowMs, type RunWindow } from '@/domain/sync-runs/model/window';
import { useRunCache } from '@/features/sync-runs/cache/run-cache-context';

/** Kept runs are written this long after a window completes: never in the way of drawing it. */
const SAVE_DELAY_MS = 2000;

const NO_PAGES: RoundPage[] = [];

export function useSyncRuns(
  name: string,
  window: RunWindow,
  options: { autoPage?: boolean } & WindowFetchOptions = {},
) {
  const session = useApiSession();
  const cache = useRunCache();
  const autoPage = options.autoPage ?? true;
  // Retries of single pages happen inside a round: counted per window, whoever started the request
  // (the first round starts in the prefetch, before this hook), so the page can say so.
  const reportKey = retryReportKey(session.accountId, name, window);
  const subscribe = useCallback(
    (listener: () => void) => windowRetries.subscribe(reportKey, listener),
    [reportKey],
  );
  const log = useSyncExternalStore(subscribe, () => windowRetries.get(reportKey));
  const lastRetry = log?.last ?? null;
  const retries = log?.count ?? 0;
  const query = useInfiniteQuery(
    syncRunsQueries.window(session, name, window, { ...options, cache }),
  );
  const pages = useMemo(() => query.data?.pages ?? NO_PAGES, [query.data]);
  const merged = mergedRoundsOf(pages);
  const paging = useMemo<PagingState>(() => {
    if (!merged.done) return { kind: 'more', cursor: '' };
    const halt = merged.halts[0];
    return halt ? { kind: 'halted', reason: halt.reason } : { kind: 'complete' };
  }, [merged]);

  // Only the last round matters, and only when a round lands: not on every render while loading.
  const progress = useMemo(() => windowProgress(window, pages), [window, pages]);

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const pageCount = pages.length;
  // A round that lands after the retry, or a load that stops, ends the wait being reported.
  const retrying =
    lastRetry && lastRetry.at >= query.dataUpdatedAt && !query.isError
      ? { ...lastRetry.event, at: lastRetry.at }
      : null;
  // Follow the cursors as fast as the network allows: each next round starts when the previous one
  // lands, not after React has rendered it. Stops on an error (the user retries from there).
  useEffect(() => {
    if (!autoPage || !hasNextPage || isFetchingNextPage || isFetchNextPageError || pageCount === 0)
      return;
    let cancelled = false;
    void (async () => {
      let result = await fetchNextPage();
      while (!cancelled && result.hasNextPage && !result.isFetchNextPageError && !result.isError) {
        result = await fetchNextPage();
      }
    })();
    return () => {
      cancelled = true;
    };
    // Restarting on every page would be harmless but wasteful: pageCount only matters for the start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoPage, hasNextPage, isFetchNextPageError, fetchNextPage, pageCount === 0]);

  // The newest slice (index 0; with `urgentFirstMs`, the newest stretch) has had its first page,
  // or has nothing to read: an overview card's health is judged from here on.
  const lastPage = pages.at(-1);
  const newestRead =
    lastPage !== undefined &&
    (!lastPage.next.some((entry) => entry.index === 0) ||
      pages.some((page) => page.bySlice.some((part) => part.slice === 0)));
  // What the page showed from this browser's kept runs, until the rest has been read.
  const keptAsOf = pages[0]?.keptAsOf ?? null;
  const isComplete = query.isSuccess && merged.done;
  const readFromApi = pages.some((page) => page.keptAsOf === undefined);
  const savedAt = query.dataUpdatedAt;
  // Once complete, keep its finished runs for the next visit (a round read from the API at least).
  useEffect(() => {
    if (!cache || !isComplete || !readFromApi || merged.halts.length > 0) return;
    const id = setTimeout(() => {
      void cache.save(name, recordOf(merged.runs, windowMs(window), savedAt));
    }, SAVE_DELAY_MS);
    return () => clearTimeout(id);
  }, [cache, isComplete, readFromApi, merged, name, window, savedAt]);

  return {
    query,
    ...merged,
    keptAsOf: isComplete ? null : keptAsOf,
    newestRead,
    pagesLoaded: pages.length,
    /** Share of the window's time read so far, 0–1. */
    progress,
    /** The retry being waited for now, if any. */
    retrying,
    /** Single pages retried since this window was opened. */
    retries,
    paging,
    isComplete,
  };
}
