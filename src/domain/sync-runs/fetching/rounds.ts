// Parallel paging in rounds: each round fetches the next page of up to N slices at once. A round is
// one page of the infinite query, so progress, partial failure and "retry from where it stopped"
// work as for a single cursor chain.
import type { SyncRun } from '@/lib/api/schemas';
import type { RunProblem, SyncRunsPage } from '@/lib/api/sync-runs';
import { advance, chainStart, type CursorState, type PagingHalt } from './paging';
import type { Slice } from './slices';

export type SliceCursor = Slice & CursorState;

export type RoundPage = {
  bySlice: { slice: number; runs: SyncRun[] }[];
  problems: RunProblem[];
  warnings: string[];
  requestIds: string[];
  /** What is left to fetch after this round. */
  next: SliceCursor[];
  halts: { slice: number; reason: PagingHalt }[];
  /** A round read from this browser's kept runs, not the API: when they were read. */
  keptAsOf?: number;
};

/** Each slice at the start of its own cursor chain (capped at what it could hold at `pageSize`). */
export function initialFrontier(slices: readonly Slice[], pageSize = 200): SliceCursor[] {
  return slices.map((slice) => ({ ...slice, ...chainStart(slice, pageSize) }));
}

/**
 * Runs one round: the newest `concurrency` open slices in parallel. Any failure fails the round
 * (and the frontier stays where it was), so a retry asks for exactly the same pages again.
 */
export async function runRound(
  frontier: readonly SliceCursor[],
  concurrency: number,
  fetchPage: (entry: SliceCursor) => Promise<SyncRunsPage>,
): Promise<RoundPage> {
  const ordered = [...frontier].sort((a, b) => a.index - b.index);
  const active = ordered.slice(0, Math.max(1, concurrency));
  const waiting = ordered.slice(active.length);
  const results = await Promise.allSettled(active.map((entry) => fetchPage(entry)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;

  const round: RoundPage = {
    bySlice: [],
    problems: [],
    warnings: [],
    requestIds: [],
    next: [],
    halts: [],
  };
  results.forEach((result, i) => {
    const page = (result as PromiseFulfilledResult<SyncRunsPage>).value;
    const entry = active[i] as SliceCursor;
    round.bySlice.push({ slice: entry.index, runs: page.runs });
    round.problems.push(...page.problems);
    round.warnings.push(...page.warnings);
    round.requestIds.push(page.requestId);
    const step = advance(entry, page);
    if (step.kind === 'next') round.next.push(step.entry);
    else if (step.kind === 'halt') round.halts.push({ slice: entry.index, reason: step.reason });
  });
  round.next.push(...waiting);
  round.next.sort((a, b) => a.index - b.index);
  return round;
}

export type MergedRounds = {
  runs: SyncRun[];
  duplicates: number;
  problems: RunProblem[];
  warnings: string[];
  halts: { slice: number; reason: PagingHalt }[];
  requestIds: string[];
  /** Nothing left to fetch (complete, or every remaining slice halted). */
  done: boolean;
};

/** Merges rounds into one newest-first list: slices in time order, each slice in API order. */
export function mergeRounds(rounds: readonly RoundPage[]): MergedRounds {
  const perSlice = new Map<number, SyncRun[]>();
  const problems: RunProblem[] = [];
  const warnings = new Set<string>();
  const halts: MergedRounds['halts'] = [];
  const requestIds: string[] = [];
  for (const round of rounds) {
    for (const { slice, runs } of round.bySlice) {
      const list = perSlice.get(slice) ?? [];
      list.push(...runs);
      perSlice.set(slice, list);
    }
    problems.push(...round.problems);
    round.warnings.forEach((w) => warnings.add(w));
    halts.push(...round.halts);
    requestIds.push(...round.requestIds);
  }
  const seen = new Set<string>();
  const runs: SyncRun[] = [];
  let duplicates = 0;
  for (const slice of [...perSlice.keys()].sort((a, b) => a - b)) {
    for (const run of perSlice.get(slice) ?? []) {
      if (seen.has(run.run_id)) {
        duplicates += 1;
        continue;
      }
      seen.add(run.run_id);
      runs.push(run);
    }
  }
  const last = rounds.at(-1);
  return {
    runs,
    duplicates,
    problems,
    warnings: [...warnings],
    halts,
    requestIds,
    done: !last || last.next.length === 0,
  };
}
