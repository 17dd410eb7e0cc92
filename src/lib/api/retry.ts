// Retries one request on transient failures (429, 5xx, lost connection), honouring Retry-After, so a
// single failed page among many parallel ones costs one page, not the whole round.
import { abortableSleep } from './abortable-sleep';
import { isApiError } from './api-error';

// The retry policy, decided once for every caller (React Query, single pages, the live refresh):
// transient failures only, honouring Retry-After.
const MAX_RETRIES = 4;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return false;
  return error.isTransient && failureCount < MAX_RETRIES;
}

export function retryDelay(failureCount: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterSeconds !== null) {
    return Math.min(error.retryAfterSeconds, 120) * 1000;
  }
  const exponential = 1000 * 2 ** failureCount;
  return Math.min(exponential, 30_000) * (0.75 + Math.random() * 0.5);
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
