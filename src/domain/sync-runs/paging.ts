// Cursor paging rules, in one place: forward-only, never loop on a cursor, never spin on empty
// pages. Every walk (the window's parallel slices, the live refresh) follows them through `advance`.
import type { RunProblem, SyncRunsPage } from '@/lib/api/sync-runs';

/** Why paging stopped early, if it did. */
export type PagingHalt = 'cursor-repeated' | 'missing-cursor' | 'empty-pages';

/** Empty pages in a row that still say `has_more` before paging stops instead of spinning. */
export const MAX_EMPTY_PAGES = 3;

export type PagingState =
  { kind: 'more'; cursor: string } | { kind: 'complete' } | { kind: 'halted'; reason: PagingHalt };

/** A page with no runs at all, not even unreadable ones. */
export function isEmptyPage(page: Pick<SyncRunsPage, 'runs' | 'problems'>): boolean {
  return page.runs.length === 0 && page.problems.length === 0;
}

/** Where a cursor chain stands: the cursor to ask with next, and what it has seen so far. */
export type CursorState = {
  cursor: string | null;
  seen: string[];
  /** Empty pages in a row so far (each with `has_more`). */
  emptyPages: number;
};

export const START_OF_CHAIN: CursorState = { cursor: null, seen: [], emptyPages: 0 };

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
  return {
    kind: 'next',
    entry: {
      ...entry,
      cursor: page.nextCursor,
      seen: [...entry.seen, page.nextCursor],
      emptyPages,
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
