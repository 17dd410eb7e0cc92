// Loads every run of a window: follows the cursors without the user clicking, and reports progress.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useApiSession } from '../../../lib/api/api-session-context';
import { syncRunsInfiniteOptions, type WindowFetchOptions } from '../api/sync-runs-query';
import type { RunWindow } from '../api/sync-runs-keys';
import type { PagingState } from '../model/paging';
import { mergeRounds } from '../model/rounds';

export function useSyncRuns(
  name: string,
  window: RunWindow,
  options: { autoPage?: boolean } & WindowFetchOptions = {},
) {
  const session = useApiSession();
  const autoPage = options.autoPage ?? true;
  const query = useInfiniteQuery(syncRunsInfiniteOptions(session, name, window, options));
  const pages = useMemo(() => query.data?.pages ?? [], [query.data]);
  const merged = useMemo(() => mergeRounds(pages), [pages]);
  const paging = useMemo<PagingState>(() => {
    if (!merged.done) return { kind: 'more', cursor: '' };
    const halt = merged.halts[0];
    return halt ? { kind: 'halted', reason: halt.reason } : { kind: 'complete' };
  }, [merged]);

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  // pages.length is a dependency on purpose: without it, two renders with the same flags (the
  // fetching render can be batched away) would not ask for the following page.
  const pageCount = pages.length;
  useEffect(() => {
    if (autoPage && hasNextPage && !isFetchingNextPage && !isFetchNextPageError && pageCount > 0) {
      void fetchNextPage();
    }
  }, [autoPage, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage, pageCount]);

  return {
    query,
    ...merged,
    pagesLoaded: pages.length,
    paging,
    isComplete: query.isSuccess && merged.done,
  };
}
