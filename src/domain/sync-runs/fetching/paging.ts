// Cursor paging rules, in one place: forward-only, never loop on a cursor, never spin on empty
// pages or on pages that bring nothing new, never more pages than a window could hold. Every walk
// (the window's parallel slices, the live refresh) follows them through `advance`.
import type { RunProblem, SyncRunsPage } from '@/lib/api/sync-runs';
import type { RunWindow } from '@/domain/sync-runs/model/window';

/** Why paging stopped early, if it did. */
export type PagingHalt =
  'cursor-repeated' | 'missing-cursor' | 'empty-pages' | 'no-progress' | 'page-cap';

/** Empty pages in a row that still say `has_more` before paging stops instead of spinning. */
export const MAX_EMPTY_PAGES = 3;
/** Pages in a row that bring no run_id the chain has not had (fresh cursors or not). */
export const MAX_STALE_PAGES = 3;
/**
 * The most runs a window could hold, for the page cap: one run start every 10 seconds per
 * integration (the contract names no cadence; real syncs run minutes apart, so this is generous).
 */
export const MIN_RUN_SPACING_MS = 10_000;

export type PagingState =
  { kind: 'more'; cursor: string } | { kind: 'complete' } | { kind: 'halted'; reason: PagingHalt };

/** A page with no runs at all, not even unreadable ones. */
export function isEmptyPage(page: Pick<SyncRunsPage, 'runs' | 'problems'>): boolean {
  return page.runs.length === 0 && page.problems.length === 0;
}

/** Where a cursor chain stands: the cursor to ask with next, and what it has seen so far. */
export type CursorState = {
  cursor: string | null;
  /** Cursors received so far. */
  seen: string[];
  /** Empty pages in a row so far (each with `has_more`). */
  emptyPages: number;
  /** Pages in a row so far that brought no run_id new to this chain. */
  stalePages: number;
  /** The run_ids this chain has received. */
  runIds: ReadonlySet<string>;
  /** Pages received so far, and the most this chain may ask for. */
  pages: number;
  maxPages: number;
};

export const START_OF_CHAIN: CursorState = {
  cursor: null,
  seen: [],
  emptyPages: 0,
  stalePages: 0,
  runIds: new Set(),
  pages: 0,
  maxPages: Number.POSITIVE_INFINITY,
};

/** A new chain over `window`, capped at the pages the window could hold (plus slack for gaps). */
export function chainStart(window: RunWindow, pageSize: number): CursorState {
  const span = Date.parse(window.until) - Date.parse(window.since);
  const maxPages = Number.isFinite(span)
    ? Math.ceil(Math.max(0, span) / MIN_RUN_SPACING_MS / pageSize) + MAX_EMPTY_PAGES + 1
    : Number.POSITIVE_INFINITY;
  return { ...START_OF_CHAIN, maxPages };
}

/**
 * The one rule set for following cursors (window slices and the live refresh alike): where a chain
 * goes after one of its pages: done, halted, or on to the next cursor.
 */
export function advance<T extends CursorState>(
  entry: T,
  page: Pick<SyncRunsPage, 'hasMore' | 'nextCursor' | 'runs' | 'problems'>,
): { kind: 'done' } | { kind: 'halt'; reason: PagingHalt } | { kind: 'next'; entry: T } {
  if (!page.hasMore) return { kind: 'done' };
  if (!page.nextCursor) return { kind: 'halt', reason: 'missing-cursor' };
  if (entry.seen.includes(page.nextCursor) || page.nextCursor === entry.cursor)
    return { kind: 'halt', reason: 'cursor-repeated' };
  const emptyPages = isEmptyPage(page) ? entry.emptyPages + 1 : 0;
  if (emptyPages >= MAX_EMPTY_PAGES) return { kind: 'halt', reason: 'empty-pages' };
  // Progress is new runs, not new cursors: an API that hands out fresh cursors for the same runs
  // would otherwise be followed for ever.
  const fresh = page.runs.map((run) => run.run_id).filter((id) => !entry.runIds.has(id));
  const stalePages = fresh.length === 0 ? entry.stalePages + 1 : 0;
  if (stalePages >= MAX_STALE_PAGES) return { kind: 'halt', reason: 'no-progress' };
  const pages = entry.pages + 1;
  if (pages >= entry.maxPages) return { kind: 'halt', reason: 'page-cap' };
  return {
    kind: 'next',
    entry: {
      ...entry,
      cursor: page.nextCursor,
      seen: [...entry.seen, page.nextCursor],
      emptyPages,
      stalePages,
      runIds: fresh.length > 0 ? new Set([...entry.runIds, ...fresh]) : entry.runIds,
      pages,
    },
  };
}

/** Where one cursor chain stands after these pages (the rules of `advance`, folded). */
export function pagingState(pages: readonly SyncRunsPage[]): PagingState {
  let entry = START_OF_CHAIN;
  for (const page of pages) {
    const step = advance(entry, page);
    if (step.kind === 'done') return { kind: 'complete' };
    if (step.kind === 'halt') return { kind: 'halted', reason: step.reason };
    entry = step.entry;
  }
  return entry.cursor === null ? { kind: 'complete' } : { kind: 'more', cursor: entry.cursor };
}

export const HALT_MESSAGES: Record<PagingHalt, string> = {
  'cursor-repeated':
    'The API returned a page cursor it had already given, so loading stopped to avoid a loop. The runs below may be incomplete.',
  'missing-cursor':
    'The API said more runs exist but sent no cursor to fetch them, so loading stopped. The runs below may be incomplete.',
  'empty-pages': `The API sent ${MAX_EMPTY_PAGES} empty pages in a row while saying more runs exist, so loading stopped to avoid a loop. The runs below may be incomplete.`,
  'no-progress': `The API sent ${MAX_STALE_PAGES} pages in a row of runs already received while saying more runs exist, so loading stopped to avoid a loop. The runs below may be incomplete.`,
  'page-cap':
    'The API kept saying more runs exist beyond what this window could hold, so loading stopped to protect the rate limit. The runs below may be incomplete.',
};

/** The same unreadable run can arrive twice (a page and a live refresh overlap): report it once. */
export function uniqueProblems(problems: readonly RunProblem[]): RunProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.runId ?? `#${p.index}`}|${p.issues.join(';')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
