// Cursor paging rules: forward-only, de-duplicated by run_id, never loop on a cursor.
import type { SyncRun } from '../../../lib/api/schemas';
import type { RunProblem, SyncRunsPage } from '../../../lib/api/sync-runs';

/** Why paging stopped early, if it did. */
export type PagingHalt = 'cursor-repeated' | 'missing-cursor';

export type PagingState =
  { kind: 'more'; cursor: string } | { kind: 'complete' } | { kind: 'halted'; reason: PagingHalt };

export function pagingState(pages: readonly SyncRunsPage[]): PagingState {
  const last = pages.at(-1);
  if (!last || !last.hasMore) return { kind: 'complete' };
  if (!last.nextCursor) return { kind: 'halted', reason: 'missing-cursor' };
  const used = pages.slice(0, -1).map((page) => page.nextCursor);
  if (used.includes(last.nextCursor)) return { kind: 'halted', reason: 'cursor-repeated' };
  return { kind: 'more', cursor: last.nextCursor };
}

/** TanStack Query's getNextPageParam: undefined means "no next page". */
export function nextPageParam(pages: readonly SyncRunsPage[]): string | undefined {
  const state = pagingState(pages);
  return state.kind === 'more' ? state.cursor : undefined;
}

export type MergedRuns = {
  runs: SyncRun[];
  duplicates: number;
  problems: RunProblem[];
  warnings: string[];
};

/** Merges pages in order, keeping the first copy of each run_id. */
export function mergePages(pages: readonly SyncRunsPage[]): MergedRuns {
  const seen = new Set<string>();
  const runs: SyncRun[] = [];
  const problems: RunProblem[] = [];
  const warnings = new Set<string>();
  let duplicates = 0;
  for (const page of pages) {
    for (const run of page.runs) {
      if (seen.has(run.run_id)) {
        duplicates += 1;
        continue;
      }
      seen.add(run.run_id);
      runs.push(run);
    }
    problems.push(...page.problems);
    page.warnings.forEach((w) => warnings.add(w));
  }
  return { runs, duplicates, problems, warnings: [...warnings] };
}

export const HALT_MESSAGES: Record<PagingHalt, string> = {
  'cursor-repeated':
    'The API returned a page cursor it had already given, so loading stopped to avoid a loop. The runs below may be incomplete.',
  'missing-cursor':
    'The API said more runs exist but sent no cursor to fetch them, so loading stopped. The runs below may be incomplete.',
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
