// Polls for runs that started (or may have finished) since the page loaded, while the window includes now.
// `since` comes from the initial load only, so it stays put while new runs arrive.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiSession } from '../../../lib/api/api-session-context';
import type { SyncRun } from '../../../lib/api/schemas';
import { getSyncRunsPage, MAX_PAGE_SIZE } from '../../../lib/api/sync-runs';
import { syncRunsKeys } from '../api/sync-runs-keys';
import { LIVE_POLL_MS, LIVE_POLL_RUNNING_MS } from '../model/live';
import { pagingState } from '../model/paging';

const MAX_LIVE_PAGES = 5;

export function useLiveRuns(name: string, since: number | null, fastPoll: boolean) {
  const session = useApiSession();
  return useQuery({
    queryKey: [...syncRunsKeys.integration(session.accountId, name), 'live', since] as const,
    enabled: since !== null,
    refetchInterval: fastPoll ? LIVE_POLL_RUNNING_MS : LIVE_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const until = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60_000).toISOString();
      const pages = [];
      let cursor: string | null = null;
      for (let i = 0; i < MAX_LIVE_PAGES; i += 1) {
        const page = await getSyncRunsPage(
          session.client,
          {
            name,
            since: new Date(since ?? 0).toISOString(),
            until,
            pageSize: MAX_PAGE_SIZE,
            cursor,
          },
          signal,
        );
        pages.push(page);
        const state = pagingState(pages);
        if (state.kind !== 'more') break;
        cursor = state.cursor;
      }
      const runs: SyncRun[] = pages.flatMap((page) => page.runs);
      return { runs, problems: pages.flatMap((page) => page.problems), fetchedAt: Date.now() };
    },
  });
}
