// One cursor chain over a window, page after page, by the paging rules and the retry policy every
// caller shares: the dashboard's live refresh and the watcher service both walk it, unchanged.
import type { HttpClient } from '@/lib/api/http-client';
import { withRetries, type RetryEvent } from '@/lib/api/retry';
import { getSyncRunsPage, MAX_PAGE_SIZE } from '@/lib/api/sync-runs';
import {
  initialFrontier,
  mergeRounds,
  runRound,
  type MergedRounds,
  type RoundPage,
} from './rounds';
import type { RunWindow } from '@/domain/sync-runs/model/window';

export type WalkOptions = {
  /** Pages to follow before stopping (the rest waits for the next walk). */
  maxPages: number;
  pageSize?: number;
  signal?: AbortSignal;
  onRetry?: (event: RetryEvent) => void;
  /** For tests: how long to wait before a retry (default: the shared retry policy). */
  retryDelay?: (attempt: number, error: unknown) => number;
};

export type Walk = MergedRounds & { pages: number };

export async function walkChain(
  client: HttpClient,
  name: string,
  window: RunWindow,
  { maxPages, pageSize = MAX_PAGE_SIZE, signal, onRetry, retryDelay }: WalkOptions,
): Promise<Walk> {
  const rounds: RoundPage[] = [];
  let frontier = initialFrontier([{ index: 0, ...window }], pageSize);
  while (frontier.length > 0 && rounds.length < maxPages) {
    const round = await runRound(frontier, 1, (entry) =>
      withRetries(
        () =>
          getSyncRunsPage(
            client,
            { name, since: entry.since, until: entry.until, pageSize, cursor: entry.cursor },
            signal,
          ),
        { signal, onRetry, delay: retryDelay },
      ),
    );
    rounds.push(round);
    frontier = round.next;
  }
  return { ...mergeRounds(rounds), done: frontier.length === 0, pages: rounds.length };
}
