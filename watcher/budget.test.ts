// The watcher's share of the tenant's rate limit is an option of the API client's rate gate (the
// client is built with `rateShare`): no second log of send times on top of it.
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../src/lib/api/http-client.ts';
import { createRateGate } from '../src/lib/api/rate-gate.ts';

type Clock = { now: () => number; sleep: (ms: number) => Promise<void> };

/** The gate as the watcher's client builds it, seen one request (taken and answered) at a time. */
function createBudget(share: number, clock: Clock) {
  const gate = createRateGate({ share, ...clock });
  return {
    take: async () => (await gate.acquire(undefined, 'normal'))(),
    /** X-RateLimit-Limit of an answer, as the client passes it on. */
    setLimit: (limit: number | null) => gate.observe({ limit, remaining: null, resetAt: null }),
    allowed: () => gate.usage().allowed,
    used: () => gate.usage().used,
  };
}

describe('the rate budget', () => {
  it("keeps to its share of the tenant's limit in any minute, learning the limit from the API", async () => {
    let now = 0;
    const waits: number[] = [];
    const budget = createBudget(0.1, {
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    expect(budget.allowed()).toBe(120);
    budget.setLimit(100);
    expect(budget.allowed()).toBe(10);
    for (let i = 0; i < 10; i += 1) {
      await budget.take();
      now += 1000;
    }
    expect(waits).toEqual([]);
    expect(budget.used()).toBe(10);
    await budget.take(); // the 11th waits until the first leaves the minute
    expect(waits).toEqual([50_000]);
    expect(now).toBe(60_000);
    budget.setLimit(null);
    expect(budget.allowed()).toBe(10);
  });

  it('is not lifted by an absurd X-RateLimit-Limit: a minute still holds only its share of 1,200', async () => {
    let now = 0;
    const budget = createBudget(0.1, {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });
    for (const absurd of [1e9, 12_001, 0, -5, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      budget.setLimit(absurd);
      expect(budget.allowed(), String(absurd)).toBe(120);
    }
    // Requests as fast as it lets them: 120 in the first minute, none more.
    const sentAt: number[] = [];
    while (now < 60_000) {
      await budget.take();
      sentAt.push(now);
    }
    expect(sentAt.filter((t) => t < 60_000)).toHaveLength(120);
  });

  it('counts every request the client sends, the one sent again after a 401 too, in the share', async () => {
    let now = 0;
    const sentAt: number[] = [];
    const waits: number[] = [];
    const client = createHttpClient({
      baseUrl: 'https://neo.example',
      getAccessToken: async () => 'key',
      rateShare: 3 / 1200,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
      fetch: async () => {
        sentAt.push(now);
        // The first answer refuses the key: the client asks once more with a fresh one.
        const status = sentAt.length === 1 ? 401 : 200;
        return new Response(JSON.stringify({ data: [] }), { status });
      },
    });
    expect(client.rateUsage()).toEqual({ used: 0, allowed: 3 });
    await client.getJson('/runs', {});
    expect(client.rateUsage()).toEqual({ used: 2, allowed: 3 });
    await client.getJson('/runs', {});
    now += 1000;
    await client.getJson('/runs', {}); // the fourth request waits for the first to leave the minute
    expect(sentAt).toEqual([0, 0, 0, 60_000]);
    expect(waits).toEqual([59_000]);
  });
});
