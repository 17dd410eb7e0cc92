// Every query of the sync-runs endpoint (a window, its live refresh, the route's prefetch) comes from
// this one factory: keys, page fetching and the retry path cannot differ between callers. Keys are
// scoped to the signed-in account, so caches never cross accounts.
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { LIVE_POLL_MS, LIVE_POLL_RUNNING_MS, liveWindow } from '@/domain/sync-runs/fetching/live';
import {
  initialFrontier,
  runRound,
  type RoundPage,
  type SliceCursor,
} from '@/domain/sync-runs/fetching/rounds';
import { MAX_SLICES, sliceCount, splitWindow } from '@/domain/sync-runs/fetching/slices';
import { windowMs, type RunWindow } from '@/domain/sync-runs/model/window';
import type { RunCache } from '@/features/sync-runs/cache/run-cache-store';
import { walkChain } from '@/domain/sync-runs/fetching/walk-chain';
import { withRetries, type RetryEvent } from '@/lib/api/retry';
import { getSyncRunsPage, MAX_PAGE_SIZE } from '@/lib/api/sync-runs';
import type { RequestPriority } from '@/lib/api/rate-gate';
import { accountKey, type ApiSession } from '@/lib/query/api-session-context';
import { keptRound, takeEarly } from './kept-round';
import { retryReportKey, windowRetries } from './retry-reports';
import { urgentReads } from './urgent-reads';

export type WindowFetchOptions = {
  pageSize?: number;
  /** At most this many slices (about one per 5 days of window; default 6). */
  maxSlices?: number;
  /** Requests in flight at once (the browser allows 6 per host over HTTP/1.1). */
  concurrency?: number;
  /**
   * Told about each retry of a single page (429, 5xx, lost connection) of a request this query's
   * options started. Every retry of the window, whoever started it, is also in windowRetries.
   */
  onRetry?: (event: RetryEvent) => void;
  /** Runs kept in this browser: shown first, and only the rest is fetched. */
  cache?: RunCache | null;
  /**
   * This newest stretch is a slice of its own, whose first page is urgent work; the rest of the
   * window (that stretch's later pages too) waits until no urgent read of any window is left (the
   * overview: every card's newest page, on which its health is judged, before any card's week).
   */
  urgentFirstMs?: number;
};

/** The window's slices; with `urgentFirstMs`, the newest stretch is a slice of its own (index 0). */
function windowSlices(window: RunWindow, slices: number, urgentFirstMs: number | undefined) {
  const { since, until } = windowMs(window);
  if (urgentFirstMs === undefined || until - since <= urgentFirstMs)
    return splitWindow(window, slices);
  const cut = new Date(until - urgentFirstMs).toISOString();
  const rest = splitWindow({ since: window.since, until: cut }, slices);
  return [
    { index: 0, since: cut, until: window.until },
    ...rest.map((slice) => ({ ...slice, index: slice.index + 1 })),
  ];
}

/** The first-round frontiers of this module: a round started from one may use the kept runs. */
const initialFrontiers = new WeakSet<object>();

/** Pages one live refresh may follow before it waits for the next poll. */
const MAX_LIVE_PAGES = 5;

/**
 * One retry policy, in one place: every page of this endpoint is retried by `fetchSlicePage` (the
 * policy of lib/api/retry.ts). A query-level retry on top would try a failing page about 25 times
 * and repeat whole rounds, so an error would take minutes to show.
 */
const NO_QUERY_RETRY = false;

/** The newest slice's (index 0) first page. */
const isNewestFirstPage = (entry: SliceCursor) => entry.index === 0 && entry.cursor === null;

/** Nothing fetched yet: the newest slice (index 0) has not had its first page. */
function isFirstRound(frontier: readonly SliceCursor[]): boolean {
  return frontier.some(isNewestFirstPage);
}

/**
 * The next page of one slice. A failed page is retried on its own (Retry-After, backoff), so one
 * failure among parallel pages costs that page, not the whole round.
 */
function fetchSlicePage(
  session: ApiSession,
  name: string,
  entry: SliceCursor,
  options: {
    pageSize: number;
    signal: AbortSignal;
    onRetry?: (event: RetryEvent) => void;
    priority: RequestPriority;
  },
) {
  return withRetries(
    () =>
      getSyncRunsPage(
        session.client,
        {
          name,
          since: entry.since,
          until: entry.until,
          pageSize: options.pageSize,
          cursor: entry.cursor,
          priority: options.priority,
        },
        options.signal,
      ),
    { signal: options.signal, onRetry: options.onRetry },
  );
}

export const syncRunsQueries = {
  all: (accountId: string) => [...accountKey(accountId), 'sync-runs'] as const,
  integration: (accountId: string, name: string) =>
    [...syncRunsQueries.all(accountId), name] as const,

  /** Every run of a window: its time slices followed in parallel, one round per query page. */
  window(session: ApiSession, name: string, window: RunWindow, options: WindowFetchOptions = {}) {
    const pageSize = options.pageSize ?? MAX_PAGE_SIZE;
    const span = Date.parse(window.until) - Date.parse(window.since);
    const slices = sliceCount(span, options.maxSlices ?? MAX_SLICES);
    const concurrency = options.concurrency ?? MAX_SLICES;
    const cache = options.cache ?? null;
    const urgentFirstMs = options.urgentFirstMs;
    const start = initialFrontier(
      windowSlices(window, slices, urgentFirstMs),
      pageSize,
    ) as SliceCursor[];
    initialFrontiers.add(start);
    const reportKey = retryReportKey(session.accountId, name, window);
    const onRetry = (event: RetryEvent) => {
      windowRetries.report(reportKey, event);
      options.onRetry?.(event);
    };
    return infiniteQueryOptions({
      queryKey: [
        ...syncRunsQueries.integration(session.accountId, name),
        'infinite',
        { ...window, pageSize },
        { slices, urgentFirstMs },
      ] as const,
      queryFn: async ({ pageParam, signal }) => {
        // An overview card's week beyond its newest stretch can wait for other viewers' first screens.
        const fetchFresh = (entry: SliceCursor) =>
          fetchSlicePage(session, name, entry, {
            pageSize,
            signal,
            onRetry,
            priority:
              urgentFirstMs !== undefined && !isNewestFirstPage(entry) ? 'background' : 'normal',
          });
        if (cache && initialFrontiers.has(pageParam)) {
          const kept = await keptRound(cache, name, window, pageSize, slices, fetchFresh);
          if (kept) return kept;
        }
        const fetchPage = (entry: SliceCursor) =>
          takeEarly(name, entry, pageSize) ?? fetchFresh(entry);
        if (urgentFirstMs !== undefined) {
          if (pageParam.some(isNewestFirstPage)) {
            // The newest stretch's first page alone, as urgent work: the card's health is judged on it.
            const done = urgentReads.begin();
            try {
              return await runRound(pageParam, 1, fetchPage);
            } finally {
              done();
            }
          }
          await urgentReads.idle(signal);
        }
        // The first round asks for the newest slice alone, so the first runs show after one request
        // instead of after the slowest of six; every later round keeps `concurrency` in flight.
        return runRound(pageParam, isFirstRound(pageParam) ? 1 : concurrency, fetchPage);
      },
      initialPageParam: start,
      getNextPageParam: (last: RoundPage) => (last.next.length > 0 ? last.next : undefined),
      // Each page already retries itself (NO_QUERY_RETRY).
      retry: NO_QUERY_RETRY,
      // Pages are never edited in place, so deep-comparing thousands of runs after every page is waste.
      structuralSharing: false,
    });
  },

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
