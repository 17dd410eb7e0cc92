import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { backoffDelay, retryDelay, shouldRetry } from './retry';

const error = (status: number, retryAfterSeconds: number | null = null) =>
  new ApiError({ kind: 'http', status, code: `c${status}`, message: 'm', retryAfterSeconds });

describe('retryDelay', () => {
  it('waits as long as Retry-After says (at most 2 minutes), else backs off with jitter', () => {
    expect(retryDelay(1, error(429, 7))).toBe(7000);
    expect(retryDelay(1, error(503, 0))).toBe(0);
    expect(retryDelay(1, error(429, 3600))).toBe(120_000);
    for (const attempt of [1, 2, 3]) {
      const delay = retryDelay(attempt, error(500));
      expect(delay).toBeGreaterThanOrEqual(0.75 * 1000 * 2 ** attempt);
      expect(delay).toBeLessThanOrEqual(1.25 * 1000 * 2 ** attempt);
    }
    expect(retryDelay(10, error(500))).toBeLessThanOrEqual(1.25 * 30_000);
  });

  it('retries only transient failures, four times at most', () => {
    expect(shouldRetry(0, error(429))).toBe(true);
    expect(shouldRetry(3, error(503))).toBe(true);
    expect(shouldRetry(4, error(503))).toBe(false);
    expect(shouldRetry(0, error(403))).toBe(false);
    expect(shouldRetry(0, new Error('not from the API'))).toBe(false);
  });

  it('is one backoff for every caller: Retry-After first, else doubling from its first wait', () => {
    expect(backoffDelay(1, 7)).toBe(7000);
    expect(backoffDelay(1, 600)).toBe(120_000);
    const first = { firstMs: 1000, maxMs: 60_000 };
    for (const retry of [1, 2, 3, 4]) {
      const delay = backoffDelay(retry, null, first);
      expect(delay).toBeGreaterThanOrEqual(0.75 * 1000 * 2 ** (retry - 1));
      expect(delay).toBeLessThanOrEqual(1.25 * 1000 * 2 ** (retry - 1));
    }
    expect(backoffDelay(12, null, first)).toBeLessThanOrEqual(1.25 * 60_000);
  });
});
