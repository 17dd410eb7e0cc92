// A window's query: every run of one integration over one window, its time slices followed in
// parallel, one round per query page. The prefetch that starts it before the page's code arrives
// (useOpenedWindow) and the page's own query (useSyncRuns) both build it here, from the same three
// things: the integration, the window and the mode. What they share lives in WindowReads.
import {
  infiniteQueryOptions,
  queryOptions,
  skipToken,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import {
  initialFrontier,
  runRound,
  type RoundPage,
  type SliceCursor,
} from '@/domain/sync-runs/fetching/rounds';
import { MAX_SLICES, sliceCount, splitWindow } from '@/domain/sync-runs/fetching/slices';
import { DAY_MS, windowMs, type RunWindow } from '@/domain/sync-runs/model/window';
import type { RunCache } from '@/features/sync-runs/cache/run-cache-store';
import { withRetries, type RetryEvent } from '@/lib/api/retry';
import { getSyncRunsPage, MAX_PAGE_SIZE } from '@/lib/api/sync-runs';
import type { ApiSession } from '@/lib/query/api-session-context';
import { keptRound } from './kept-round';
import { NO_QUERY_RETRY, syncRunsQueries } from './sync-runs-queries';
import type { WindowReads } from './window-reads';

/**
 * `page`: an integration page, the whole window at once, in as many slices as config allows.
 * `overview`: an overview card, whose newest day is a slice of its own, read first as urgent work
 * (the card's health is judged on it); the rest of its week (at most MAX_SLICES slices, whatever
 * config says) waits until no card's newest day is left, and goes to the API as background work.
 */
export type WindowMode = 'page' | 'overview';

/** Where a window's runs come from: the account's API, its kept runs, what every window shares. */
export type WindowSource = { session: ApiSession; cache: RunCache | null; reads: WindowReads };

/** Requests in flight at once (the browser allows 6 per host over HTTP/1.1). */
const CONCURRENCY = MAX_SLICES;

/** The first round's page param: its frontier is worked out when it runs (kept runs or none). */
const FIRST_ROUND = 'first';
type RoundParam = typeof FIRST_ROUND | SliceCursor[];

/** A window query's retries of single pages, kept beside it: count, and the latest. */
export type RetryReport = { count: number; last: { event: RetryEvent; at: number } };

/**
 * The retries of a window query's pages, whoever started the request (the first round may start in
 * the prefetch, before the page that shows them has arrived). Written by the query's own pages.
 */
export const windowRetriesQuery = (windowKey: QueryKey) =>
  queryOptions<RetryReport>({ queryKey: [...windowKey, 'retries'], queryFn: skipToken });

function reportRetry(client: QueryClient, windowKey: QueryKey, event: RetryEvent) {
  client.setQueryData(windowRetriesQuery(windowKey).queryKey, (old) => ({
    count: (old?.count ?? 0) + 1,
    last: { event, at: Date.now() },
  }));
}

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

/** The newest slice's (index 0) first page. */
const isNewestFirstPage = (entry: SliceCursor) => entry.index === 0 && entry.cursor === null;

/**
 * The next page of one slice. A failed page is retried on its own (Retry-After, backoff), so one
 * failure among parallel pages costs that page, not the whole round.
 */
function fetchSlicePage(
  session: ApiSession,
  name: string,
  entry: SliceCursor,
  options: { signal: AbortSignal; onRetry: (event: RetryEvent) => void; background: boolean },
) {
  const { signal, onRetry } = options;
  const query = { name, since: entry.since, until: entry.until, pageSize: MAX_PAGE_SIZE };
  const priority = options.background ? 'background' : 'normal';
  return withRetries(
    () => getSyncRunsPage(session.client, { ...query, cursor: entry.cursor, priority }, signal),
    { signal, onRetry },
  );
}

/**
 * The one query of a window, whoever starts it: one round of slice pages per query page, the first
 * from kept runs when this browser has them. Built the same way twice (the prefetch, then the
 * page), so the key, the page fetching and where retries are reported cannot differ.
 */
export function windowQueryOptions(
  { session, cache, reads }: WindowSource,
  name: string,
  window: RunWindow,
  mode: WindowMode,
) {
  const overview = mode === 'overview';
  const urgentFirstMs = overview ? DAY_MS : undefined;
  const span = Date.parse(window.until) - Date.parse(window.since);
  const slices = sliceCount(span, overview ? MAX_SLICES : reads.maxSlices);
  const queryKey = syncRunsQueries.window(session.accountId, name, window, {
    slices,
    urgentFirstMs,
  });
  return infiniteQueryOptions({
    queryKey,
    queryFn: async ({ pageParam, signal, client }) => {
      const onRetry = (event: RetryEvent) => reportRetry(client, queryKey, event);
      // An overview card's week beyond its newest day can wait for other viewers' first screens.
      const fetchFresh = (entry: SliceCursor) =>
        fetchSlicePage(session, name, entry, {
          signal,
          onRetry,
          background: overview && !isNewestFirstPage(entry),
        });
      if (pageParam === FIRST_ROUND && cache) {
        const kept = await keptRound(
          cache,
          reads.early,
          name,
          window,
          MAX_PAGE_SIZE,
          slices,
          fetchFresh,
        );
        if (kept) return kept;
      }
      const frontier =
        pageParam === FIRST_ROUND
          ? initialFrontier(windowSlices(window, slices, urgentFirstMs), MAX_PAGE_SIZE)
          : pageParam;
      const fetchPage = (entry: SliceCursor) =>
        reads.early.take(name, entry, MAX_PAGE_SIZE) ?? fetchFresh(entry);
      // Nothing fetched yet: the newest slice (index 0) has not had its first page.
      const firstRound = frontier.some(isNewestFirstPage);
      if (overview) {
        if (firstRound) {
          // The newest day's first page alone, as urgent work: the card's health is judged on it.
          const done = reads.urgent.begin();
          try {
            return await runRound(frontier, 1, fetchPage);
          } finally {
            done();
          }
        }
        await reads.urgent.idle(signal);
      }
      // The first round asks for the newest slice alone, so the first runs show after one request
      // instead of after the slowest of six; every later round keeps CONCURRENCY in flight.
      return runRound(frontier, firstRound ? 1 : CONCURRENCY, fetchPage);
    },
    initialPageParam: FIRST_ROUND as RoundParam,
    getNextPageParam: (last: RoundPage): RoundParam | undefined =>
      last.next.length > 0 ? last.next : undefined,
    // Each page already retries itself (NO_QUERY_RETRY).
    retry: NO_QUERY_RETRY,
    // Pages are never edited in place, so deep-comparing thousands of runs after every page is waste.
    structuralSharing: false,
  });
}
