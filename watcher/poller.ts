// One poll of one integration: ask only for runs newer than the store's newest (pulled back to runs
// still RUNNING), by the dashboard's own chain walk, paging rules and retry policy; keep 30 days.
import { learnCadence } from '../src/domain/sync-runs/judgements/cadence.ts';
import { hasRunning, liveSince, liveWindow } from '../src/domain/sync-runs/fetching/live.ts';
import { walkChain } from '../src/domain/sync-runs/fetching/walk-chain.ts';
import { MAX_WINDOW_MS } from '../src/domain/sync-runs/model/window.ts';
import type { HttpClient } from '../src/lib/api/http-client.ts';
import type { RetryEvent } from '../src/lib/api/retry.ts';
import type { SyncRun } from '../src/lib/api/schemas.ts';

/** Enough pages for 30 days of a busy integration (a catch-up after an outage included). */
const MAX_PAGES = 250;

/** What the poller needs of the store. */
export type RunStore = {
  upsert(integration: string, runs: readonly SyncRun[]): void;
  list(integration: string, sinceMs: number): SyncRun[];
  prune(integration: string, olderThanMs: number): void;
};

export type PollResult = {
  /** The integration's runs of the last 30 days after this poll, newest first. */
  runs: SyncRun[];
  fetched: number;
  pages: number;
  /** A paging rule stopped the walk before its end (the runs so far are kept). */
  halted: boolean;
};

export async function pollIntegration(
  client: HttpClient,
  store: RunStore,
  name: string,
  options: {
    now: number;
    signal?: AbortSignal;
    onRetry?: (event: RetryEvent) => void;
    retryDelay?: (attempt: number, error: unknown) => number;
  },
): Promise<PollResult> {
  const { now } = options;
  const windowStart = now - MAX_WINDOW_MS;
  const known = store.list(name, windowStart);
  const since = known.length === 0 ? windowStart : liveSince(known, windowStart);
  const walk = await walkChain(client, name, liveWindow(since, now), {
    maxPages: MAX_PAGES,
    signal: options.signal,
    onRetry: options.onRetry,
    retryDelay: options.retryDelay,
  });
  store.upsert(name, walk.runs);
  store.prune(name, windowStart);
  return {
    runs: store.list(name, windowStart),
    fetched: walk.runs.length,
    pages: walk.pages,
    halted: walk.halts.length > 0,
  };
}

/**
 * When to poll next: a third of the learned cadence, bounded; the shortest while a run is running;
 * after a failure, backing off towards the longest.
 */
export function nextPollDelay(
  runs: readonly SyncRun[],
  bounds: { minMs: number; maxMs: number },
  failures = 0,
): number {
  const clamp = (ms: number) => Math.min(bounds.maxMs, Math.max(bounds.minMs, ms));
  if (failures > 0) return clamp(bounds.minMs * 2 ** Math.min(failures, 10));
  if (hasRunning(runs)) return bounds.minMs;
  const learned = learnCadence(runs);
  return learned.ok ? clamp(learned.cadence.intervalMs / 3) : bounds.minMs;
}
