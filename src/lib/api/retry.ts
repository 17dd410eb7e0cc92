// Retries one request on transient failures (429, 5xx, lost connection), honouring Retry-After, so a
// single failed page among many parallel ones costs one page, not the whole round.
import { abortableSleep } from './abortable-sleep';
import { isApiError } from './api-error';

// The retry policy, decided once for every caller (React Query, single pages, the live refresh, the
// watcher's deliveries): transient failures only, honouring Retry-After.
/** Retries after the first try: five tries in all. */
export const MAX_RETRIES = 4;

/** Retry-After is honoured up to this; a longer wait is not believed. */
export const MAX_RETRY_AFTER_SECONDS = 120;

/** Exponential backoff: the first retry's wait, doubled for each one after, up to `maxMs`. */
export type Backoff = { firstMs: number; maxMs: number };

/** The API client's: 2 s, 4 s, 8 s… at most 30 s. */
export const API_BACKOFF: Backoff = { firstMs: 2000, maxMs: 30_000 };

/**
 * The wait before retry number `retry` (1 for the first): what Retry-After said (in seconds, at most
 * MAX_RETRY_AFTER_SECONDS), else the backoff's, spread ±25 % so clients that failed together do not
 * retry together.
 */
export function backoffDelay(
  retry: number,
  retryAfterSeconds: number | null | undefined,
  backoff: Backoff = API_BACKOFF,
): number {
  if (retryAfterSeconds !== null && retryAfterSeconds !== undefined)
    return Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000;
  const exponential = backoff.firstMs * 2 ** (retry - 1);
  return Math.min(exponential, backoff.maxMs) * (0.75 + Math.random() * 0.5);
}

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return false;
  return error.isTransient && failureCount < MAX_RETRIES;
}

export function retryDelay(failureCount: number, error: unknown): number {
  return backoffDelay(failureCount, isApiError(error) ? error.retryAfterSeconds : null);
}

export type RetryEvent = {
  error: unknown;
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
};

export type RetryOptions = {
  signal?: AbortSignal;
  onRetry?: (event: RetryEvent) => void;
  /** For tests. */
  delay?: (attempt: number, error: unknown) => number;
};

export async function withRetries<T>(request: () => Promise<T>, options: RetryOptions = {}) {
  const delay = options.delay ?? retryDelay;
  for (let failures = 0; ; failures += 1) {
    try {
      return await request();
    } catch (error) {
      if (options.signal?.aborted || !shouldRetry(failures, error)) throw error;
      const delayMs = delay(failures + 1, error);
      options.onRetry?.({ error, attempt: failures + 1, delayMs });
      await abortableSleep(delayMs, options.signal);
    }
  }
}
