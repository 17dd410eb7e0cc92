// Loads every run of a window: follows the cursors without the user clicking, and reports progress.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { windowRetriesQuery, type WindowMode } from '@/features/sync-runs/api/window-query';
import { windowProgress } from '@/domain/sync-runs/fetching/progress';
import type { RoundPage } from '@/domain/sync-runs/fetching/rounds';
import { mergedRoundsOf } from '@/domain/sync-runs/view/window-derivations';
import { recordOf } from '@/domain/sync-runs/fetching/run-cache';
import { windowMs, type RunWindow } from '@/domain/sync-runs/model/window';
import { useRunCache } from '@/features/sync-runs/cache/run-cache-context';
import { useWindowQueryOptions } from './use-window-query';

/** Kept runs are written this long after a window completes: never in the way of drawing it. */
const SAVE_DELAY_MS = 2000;

const NO_PAGES: RoundPage[] = [];

export function useSyncRuns(name: string, window: RunWindow, mode: WindowMode) {
  const cache = useRunCache();
  const options = useWindowQueryOptions(name, window, mode);
  const query = useInfiniteQuery(options);
  // Retries of single pages happen inside a round, and are kept beside the window's query whoever
  // started the request (the first round starts in the prefetch, before this hook), so the page can
  // say so.
  const { data: log } = useQuery(windowRetriesQuery(options.queryKey));
  const lastRetry = log?.last ?? null;
  const retries = log?.count ?? 0;
  const pages = useMemo(() => query.data?.pages ?? NO_PAGES, [query.data]);
  const merged = mergedRoundsOf(pages);
  // Why paging stopped short of the window's end, once nothing is left to read.
  const halt = merged.done ? (merged.halts[0]?.reason ?? null) : null;

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
    if (!hasNextPage || isFetchingNextPage || isFetchNextPageError || pageCount === 0) return;
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
  }, [hasNextPage, isFetchNextPageError, fetchNextPage, pageCount === 0]);

  // The newest slice (index 0; on the overview, the newest day) has had its first page,
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
    /** Why loading stopped short of the window's end, if it did. */
    halt,
    isComplete,
  };
}
