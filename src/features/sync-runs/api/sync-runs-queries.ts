// The keys of every query of the sync-runs endpoint, and its live refresh. A window's query (for the
// route's prefetch and the page alike) is built by windowQueryOptions (window-query.ts). Keys are
// scoped to the signed-in account, so caches never cross accounts.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { LIVE_POLL_MS, LIVE_POLL_RUNNING_MS, liveWindow } from '@/domain/sync-runs/fetching/live';
import { walkChain } from '@/domain/sync-runs/fetching/walk-chain';
import type { RunWindow } from '@/domain/sync-runs/model/window';
import { MAX_PAGE_SIZE } from '@/lib/api/sync-runs';
import { accountKey, type ApiSession } from '@/lib/query/api-session-context';

/** Pages one live refresh may follow before it waits for the next poll. */
const MAX_LIVE_PAGES = 5;

/**
 * One retry policy, in one place: every page of this endpoint is retried on its own, by the policy
 * of lib/api/retry.ts (window-query.ts, walk-chain.ts). A query-level retry on top would try a
 * failing page about 25 times and repeat whole rounds, so an error would take minutes to show.
 */
export const NO_QUERY_RETRY = false;

export const syncRunsQueries = {
  all: (accountId: string) => [...accountKey(accountId), 'sync-runs'] as const,
  integration: (accountId: string, name: string) =>
    [...syncRunsQueries.all(accountId), name] as const,

  /** A window's runs (windowQueryOptions, in window-query.ts): the window and how it is cut. */
  window: (
    accountId: string,
    name: string,
    window: RunWindow,
    cut: { slices: number; urgentFirstMs: number | undefined },
  ) =>
    [
      ...syncRunsQueries.integration(accountId, name),
      'infinite',
      { ...window, pageSize: MAX_PAGE_SIZE },
      cut,
    ] as const,

  /**
   * Runs that started (or may have finished) since `since`, polled while the window includes now:
   * one cursor chain up to the next whole minute, by the same paging rules and retry path as the
   * window. `since` comes from the initial load only, so it stays put while new runs arrive.
   */
  live(
    session: ApiSession,
    name: string,
    since: number | null,
    fastPoll: boolean,
    /**
     * When the window read up to now in one round (kept runs and what is new): the first check
     * comes one poll later, instead of asking at once for the range just read.
     */
    freshAsOf: number | null = null,
  ) {
    const interval = fastPoll ? LIVE_POLL_RUNNING_MS : LIVE_POLL_MS;
    return queryOptions({
      queryKey: [...syncRunsQueries.integration(session.accountId, name), 'live', since] as const,
      enabled: since !== null,
      refetchInterval: interval,
      refetchIntervalInBackground: false,
      ...(freshAsOf === null
        ? { staleTime: 0 }
        : {
            staleTime: interval,
            initialData: { runs: [], problems: [], fetchedAt: freshAsOf },
            initialDataUpdatedAt: freshAsOf,
          }),
      placeholderData: keepPreviousData,
      retry: NO_QUERY_RETRY,
      queryFn: async ({ signal }) => {
        const { runs, problems } = await walkChain(
          session.client,
          name,
          liveWindow(since ?? 0, Date.now()),
          { maxPages: MAX_LIVE_PAGES, signal },
        );
        return { runs, problems, fetchedAt: Date.now() };
      },
    });
  },
};
