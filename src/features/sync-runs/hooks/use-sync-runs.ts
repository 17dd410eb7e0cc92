// Loads every run of a window: follows the cursor without the user clicking, and reports progress.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useApiSession } from '../../../lib/api/api-session-context';
import { syncRunsInfiniteOptions } from '../api/sync-runs-query';
import type { RunWindow } from '../api/sync-runs-keys';
import { mergePages, pagingState } from '../model/paging';

export function useSyncRuns(name: string, window: RunWindow, options: { autoPage?: boolean } = {}) {
  const session = useApiSession();
  const autoPage = options.autoPage ?? true;
  const query = useInfiniteQuery(syncRunsInfiniteOptions(session, name, window));
  const pages = useMemo(() => query.data?.pages ?? [], [query.data]);
  const merged = useMemo(() => mergePages(pages), [pages]);
  const paging = useMemo(() => pagingState(pages), [pages]);

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  useEffect(() => {
    if (autoPage && hasNextPage && !isFetchingNextPage && !isFetchNextPageError) {
      void fetchNextPage();
    }
  }, [autoPage, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  return {
    query,
    ...merged,
    pagesLoaded: pages.length,
    paging,
    isComplete: query.isSuccess && paging.kind !== 'more',
  };
}
