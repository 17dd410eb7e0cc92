// Infinite-query options for an integration's runs in a window, following next_cursor.
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { ApiSession } from '../../../lib/api/api-session-context';
import { getSyncRunsPage, MAX_PAGE_SIZE } from '../../../lib/api/sync-runs';
import { nextPageParam } from '../model/paging';
import { syncRunsKeys, type RunWindow } from './sync-runs-keys';

export function syncRunsInfiniteOptions(
  session: ApiSession,
  name: string,
  window: RunWindow,
  pageSize: number = MAX_PAGE_SIZE,
) {
  return infiniteQueryOptions({
    queryKey: syncRunsKeys.window(session.accountId, name, window, pageSize),
    queryFn: ({ pageParam, signal }) =>
      getSyncRunsPage(
        session.client,
        { name, since: window.since, until: window.until, pageSize, cursor: pageParam },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (_last, pages) => nextPageParam(pages),
  });
}
