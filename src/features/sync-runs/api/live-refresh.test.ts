// @vitest-environment jsdom
// The live refresh's first check (a browser: TanStack Query polls only where there is a window).
import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { LIVE_POLL_MS } from '@/domain/sync-runs/fetching/live';
import type { HttpClient } from '@/lib/api/http-client';
import type { ApiSession } from '@/lib/query/api-session-context';
import { createQueryClient } from '@/lib/query/query-client';
import { page } from '@/test/sync-runs-pages';
import { syncRunsQueries } from './sync-runs-queries';

function session(getJson: HttpClient['getJson']): ApiSession {
  return { accountId: 'a', client: { getJson } };
}

describe('the live refresh after a window read in one round', () => {
  const answer = async () => ({
    body: page([], null),
    requestId: null,
    rateLimit: { limit: null, remaining: null, resetAt: null },
  });

  async function checksWithin(ms: number, freshAsOf: number | null) {
    vi.useFakeTimers();
    const client = createQueryClient();
    const getJson = vi.fn<HttpClient['getJson']>(answer);
    const since = Date.now() - 60 * 60_000;
    const observer = new QueryObserver(
      client,
      syncRunsQueries.live(session(getJson), 'halopsa', since, false, freshAsOf),
    );
    const stop = observer.subscribe(() => undefined);
    try {
      await vi.advanceTimersByTimeAsync(ms);
      return getJson.mock.calls.length;
    } finally {
      stop();
      client.clear();
      vi.useRealTimers();
    }
  }

  it('asks at once after a long load, whose newest runs were read a while ago', async () => {
    expect(await checksWithin(1_000, null)).toBe(1);
  });

  it('waits one poll after a return visit that just read what is new', async () => {
    expect(await checksWithin(1_000, Date.now())).toBe(0);
    expect(await checksWithin(LIVE_POLL_MS + 1_000, Date.now())).toBe(1);
  });
});
