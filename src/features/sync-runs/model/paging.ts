// Cursor paging rules: forward-only, never loop on a cursor (parallel rounds: see rounds.ts).
import type { RunProblem, SyncRunsPage } from '../../../lib/api/sync-runs';

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

export function pagingState(pages: readonly SyncRunsPage[]): PagingState {
  const last = pages.at(-1);
  if (!last || !last.hasMore) return { kind: 'complete' };
  if (!last.nextCursor) return { kind: 'halted', reason: 'missing-cursor' };
  const used = pages.slice(0, -1).map((page) => page.nextCursor);
  if (used.includes(last.nextCursor)) return { kind: 'halted', reason: 'cursor-repeated' };
  const trailing = pages.slice(-MAX_EMPTY_PAGES);
  if (trailing.length === MAX_EMPTY_PAGES && trailing.every(isEmptyPage))
    return { kind: 'halted', reason: 'empty-pages' };
  return { kind: 'more', cursor: last.nextCursor };
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
