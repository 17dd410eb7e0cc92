import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { withRetries, type RetryEvent } from './retry';

const error = (status: number, retryAfterSeconds: number | null = null) =>
  new ApiError({ kind: 'http', status, code: `c${status}`, message: 'm', retryAfterSeconds });

describe('withRetries', () => {
  it('retries transient failures, reporting each wait, until the request succeeds', async () => {
    const request = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(error(500))
      .mockRejectedValueOnce(error(429, 2))
      .mockResolvedValue('page');
    const events: RetryEvent[] = [];
    const delays: number[] = [];
    const result = await withRetries(request, {
      onRetry: (e) => events.push(e),
      delay: (attempt, e) => {
        delays.push((e as ApiError).retryAfterSeconds ?? attempt);
        return 0;
      },
    });
    expect(result).toBe('page');
    expect(events.map((e) => [e.attempt, (e.error as ApiError).status])).toEqual([
      [1, 500],
      [2, 429],
    ]);
    // The 429's Retry-After reaches the delay policy.
    expect(delays).toEqual([1, 2]);
  });

  it('gives up at once on errors a retry cannot fix', async () => {
    const request = vi.fn<() => Promise<string>>().mockRejectedValue(error(403));
    await expect(withRetries(request, { delay: () => 0 })).rejects.toMatchObject({ status: 403 });
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('gives up after the last retry and throws the last error', async () => {
    const request = vi.fn<() => Promise<string>>().mockRejectedValue(error(503));
    await expect(withRetries(request, { delay: () => 0 })).rejects.toMatchObject({ status: 503 });
    expect(request).toHaveBeenCalledTimes(5);
  });

  it('stops waiting when the request is cancelled', async () => {
    const controller = new AbortController();
    const request = vi.fn<() => Promise<string>>().mockRejectedValue(error(500));
    const pending = withRetries(request, {
      signal: controller.signal,
      delay: () => 60_000,
      onRetry: () => queueMicrotask(() => controller.abort(new Error('navigated away'))),
    });
    await expect(pending).rejects.toThrow('navigated away');
    expect(request).toHaveBeenCalledTimes(1);
  });
});
