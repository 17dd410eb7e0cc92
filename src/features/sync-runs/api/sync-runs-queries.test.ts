import { describe, expect, it, vi } from 'vitest';
import type { ApiSession } from '@/lib/query/api-session-context';
import type { HttpClient } from '@/lib/api/http-client';
import { ApiError } from '@/lib/api/api-error';
import { createQueryClient } from '@/lib/query/query-client';
import { syncRunsQueries } from './sync-runs-queries';
import { windowQueryOptions } from './window-query';
import { createWindowReads } from './window-reads';

const WINDOW = { since: '2026-10-30T00:00:00.000Z', until: '2026-11-29T00:00:00.000Z' };

function session(getJson: HttpClient['getJson']): ApiSession {
  return { accountId: 'a', client: { getJson } };
}

/** An integration page's window, with nothing kept in this browser. */
const pageWindow = (getJson: HttpClient['getJson']) =>
  windowQueryOptions(
    { session: session(getJson), cache: null, reads: createWindowReads() },
    'halopsa',
    WINDOW,
    'page',
  );

describe('windowQueryOptions', () => {
  it('asks for the newest slice alone first, then keeps six slices in flight', async () => {
    const asked: string[] = [];
    const getJson = vi.fn<HttpClient['getJson']>(async (_path, query) => {
      asked.push(query.until ?? '');
      return {
        body: {
          data: [],
          meta: {
            request_id: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
            pagination: { has_more: true, next_cursor: `c-${query.until}-${query.cursor ?? 0}` },
          },
        },
        requestId: null,
        rateLimit: { limit: null, remaining: null, resetAt: null },
      };
    });
    const options = pageWindow(getJson);
    const queryFn = options.queryFn as (context: unknown) => Promise<{ next: unknown[] }>;
    const signal = new AbortController().signal;
    const first = await queryFn({ pageParam: options.initialPageParam, signal });
    expect(asked).toEqual([WINDOW.until]);
    await queryFn({ pageParam: first.next, signal });
    expect(asked).toHaveLength(1 + 6);
  });
});

describe('syncRunsQueries.live', () => {
  it('never asks for more than the 30 days the API allows, however long the page stays open', async () => {
    const asked: { since: string; until: string }[] = [];
    const getJson = vi.fn<HttpClient['getJson']>(async (_path, query) => {
      asked.push({ since: query.since ?? '', until: query.until ?? '' });
      return {
        body: {
          data: [],
          meta: {
            request_id: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
            pagination: { has_more: false, next_cursor: null },
          },
        },
        requestId: null,
        rateLimit: { limit: null, remaining: null, resetAt: null },
      };
    });
    // No runs in the window: the refresh starts at the window's start, and the clock moves on.
    const since = Date.parse(WINDOW.since);
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.parse(WINDOW.until) + 5 * 60_000);
    try {
      const options = syncRunsQueries.live(session(getJson), 'halopsa', since, false);
      const queryFn = options.queryFn as (context: unknown) => Promise<unknown>;
      await queryFn({ signal: new AbortController().signal });
    } finally {
      now.mockRestore();
    }
    expect(asked).toHaveLength(1);
    const span = Date.parse(asked[0]!.until) - Date.parse(asked[0]!.since);
    expect(span).toBeLessThanOrEqual(30 * 86_400_000);
    expect(Date.parse(asked[0]!.until)).toBeGreaterThan(Date.parse(WINDOW.until));
  });
});

describe('one retry policy for the endpoint', () => {
  it('tries a failing page 1 + 4 times in all, not again inside the query client’s own retries', async () => {
    let attempts = 0;
    const getJson = vi.fn<HttpClient['getJson']>(async () => {
      attempts += 1;
      throw new ApiError({
        kind: 'http',
        status: 429,
        code: 'rate_limited',
        message: 'Slow down.',
        requestId: null,
        retryAfterSeconds: 0,
      });
    });
    // The app's own query client (tests elsewhere switch retries off).
    const client = createQueryClient();
    await expect(client.fetchInfiniteQuery(pageWindow(getJson))).rejects.toMatchObject({
      status: 429,
    });
    expect(attempts).toBe(5);
    client.clear();
  });
});
