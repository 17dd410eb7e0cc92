// Retries of a window's single pages, reported by the window whoever started the request: the first
// round starts in useOpenedWindow's prefetch, before the page's code (and its hook) has arrived, so
// a retry reported only to the caller that built the query would reach no one.
import type { RetryEvent } from '@/lib/api/retry';
import type { RunWindow } from '@/domain/sync-runs/model/window';

export type RetryReport = { count: number; last: { event: RetryEvent; at: number } };

/** Windows remembered at most (the views opened lately); the oldest is forgotten first. */
const MAX_WINDOWS = 50;

const reports = new Map<string, RetryReport>();
const listeners = new Map<string, Set<() => void>>();

/** One window of one account's integration. */
export const retryReportKey = (accountId: string, name: string, window: RunWindow) =>
  `${accountId}|${name}|${window.since}|${window.until}`;

export const windowRetries = {
  report(key: string, event: RetryEvent, at = Date.now()): void {
    const count = (reports.get(key)?.count ?? 0) + 1;
    reports.delete(key);
    reports.set(key, { count, last: { event, at } });
    if (reports.size > MAX_WINDOWS) reports.delete(reports.keys().next().value!);
    listeners.get(key)?.forEach((listener) => listener());
  },
  get(key: string): RetryReport | null {
    return reports.get(key) ?? null;
  },
  subscribe(key: string, listener: () => void): () => void {
    const set = listeners.get(key) ?? new Set();
    set.add(listener);
    listeners.set(key, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) listeners.delete(key);
    };
  },
};
