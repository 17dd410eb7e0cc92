// Paging faults: a listing page broken in one of the ways a client must survive (the same empty
// or stale page forever with fresh cursors, a cursor sent back again, a cursor missing).
import { encodeCursor } from './cursor.ts';
import type { Pagination } from './envelope.ts';
import type { PagingFault } from './faults.ts';
import type { ListQuery } from './params.ts';
import type { RunPage } from './run-feed.ts';

export type ListedPage = { runs: RunPage['runs']; pagination: Pagination };

export type PageRequest = {
  name: string;
  query: ListQuery;
  /** The cursor the client sent, as it sent it. */
  sentCursor: string | null;
  cursorSecret: string;
  /** The window's first page again. */
  firstPage: () => RunPage['runs'];
};

/** The page as `fault` breaks it, or null when this page is not broken. */
export function breakPage(
  fault: PagingFault,
  page: ListedPage,
  request: PageRequest,
): ListedPage | null {
  const { name, query, cursorSecret } = request;
  const { since, until, pageSize, after } = query;
  /** A fresh cursor every time, one millisecond further back. */
  const freshCursor = () =>
    after
      ? encodeCursor(
          { name, since, until, after: { ...after, t: after.t - 1 }, pageSize },
          cursorSecret,
        )
      : null;
  if (fault === 'empty-pages' && after) {
    // From the second page on: nothing, "more to come", and a new cursor every time, forever.
    return { runs: [], pagination: { has_more: true, next_cursor: freshCursor() } };
  }
  if (fault === 'stale-pages' && after) {
    // From the second page on: the first page's runs again, "more to come", and a fresh cursor
    // every time, forever (progress has to be judged by new runs, not by new cursors).
    return {
      runs: request.firstPage(),
      pagination: { has_more: true, next_cursor: freshCursor() },
    };
  }
  if ((fault === 'repeat-cursor' || fault === 'missing-cursor') && page.pagination.has_more) {
    const pagination = { ...page.pagination };
    if (fault === 'missing-cursor') pagination.next_cursor = null;
    if (fault === 'repeat-cursor' && request.sentCursor)
      pagination.next_cursor = request.sentCursor;
    return { runs: page.runs, pagination };
  }
  return null;
}
