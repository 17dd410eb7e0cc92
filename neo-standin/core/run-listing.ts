// The listing itself: one page of a window with its cursor to the next (broken first when a paging
// fault is on), and the window's count without paging.
import type { Clock } from './clock.ts';
import { encodeCursor } from './cursor.ts';
import type { DemoTenant } from './demo-tenant.ts';
import type { PagingFault } from './faults.ts';
import { breakPage, type ListedPage } from './paging-faults.ts';
import type { ListQuery } from './params.ts';
import type { StandinStats } from './standin-stats.ts';

export function createRunListing(
  tenant: DemoTenant,
  pagingFault: PagingFault,
  stats: StandinStats,
) {
  const cursorSecret = `${tenant.seed}:cursor`;

  /** One page of the window the query asks for, and the time the tenant took to list it. */
  function listPage(name: string, query: ListQuery, sentCursor: string | null, at: number) {
    const { since, until, pageSize, after } = query;
    const dbStarted = performance.now();
    const page = tenant.listRuns(name, { since, until, after, limit: pageSize, now: at });
    const db = performance.now() - dbStarted;
    const last = page.keys.at(-1);
    const nextCursor =
      page.hasMore && last
        ? encodeCursor({ name, since, until, after: last, pageSize }, cursorSecret)
        : null;
    const listed: ListedPage = {
      runs: page.runs,
      pagination: { has_more: nextCursor !== null, next_cursor: nextCursor },
    };
    const broken = breakPage(pagingFault, listed, {
      name,
      query,
      sentCursor,
      cursorSecret,
      firstPage: () =>
        tenant.listRuns(name, { since, until, after: null, limit: pageSize, now: at }).runs,
    });
    if (broken) stats.injected.paging += 1;
    return { ...(broken ?? listed), db };
  }

  /** How many runs the window holds: the stand-in's own count, without paging. */
  function countRuns(name: string, since: number, until: number, now: Clock): number {
    let total = 0;
    let after: ListQuery['after'] = null;
    for (;;) {
      const page = tenant.listRuns(name, { since, until, after, limit: 1000, now: now() });
      total += page.runs.length;
      if (!page.hasMore) return total;
      after = page.keys.at(-1) ?? null;
    }
  }

  return { cursorSecret, listPage, countRuns };
}
