// Many viewers, one budget: several clients reading the same X-RateLimit-Remaining, against the
// stand-in's own sliding-window limiter on a virtual clock (so minutes of waiting take no time).
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../neo-standin/core/rate-limiter';
import { isApiError } from './api-error';
import { virtualClock, type VirtualClock } from '@/test/virtual-clock';
import { createHttpClient } from './http-client';
import {
  allowedInFlight,
  CLIENTS_SHARING,
  othersBusy,
  othersInWindow,
  wakeDelay,
  type RequestPriority,
} from './rate-gate';

const PATH = '/public-api/integrations/halopsa/sync-runs';
const LATENCY_MS = 100;

/** A seeded 0–1 sequence (mulberry32): the same run every time. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Clock = VirtualClock;

/** The stand-in's limiter behind a fetch whose latency varies (50–150 ms), as the API answers. */
function tenant(clock: Clock, limit: number) {
  const limiter = createRateLimiter({ limit, windowMs: 60_000 });
  const counts = { requests: 0, refused: 0 };
  const jitter = seeded(limit);
  const fetch = async () => {
    await clock.sleep(LATENCY_MS * (0.25 + jitter() / 2));
    const decision = limiter.take('tenant', clock.now());
    await clock.sleep(LATENCY_MS * (0.25 + jitter() / 2));
    counts.requests += 1;
    const headers = {
      'Content-Type': 'application/json',
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(decision.remaining),
      'X-RateLimit-Reset': String(Math.ceil(decision.resetAt / 1000)),
    };
    if (decision.allowed)
      return new Response(JSON.stringify({ data: [], meta: { request_id: 'r' } }), { headers });
    counts.refused += 1;
    return new Response(
      JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down.' } }),
      { status: 429, headers: { ...headers, 'Retry-After': String(decision.retryAfterS) } },
    );
  };
  return { fetch, counts };
}

/**
 * One viewer opening an overview: `urgent` requests first (each card's last day), then
 * `background` ones (the rest of the week), twelve asked for at once; a 429 is retried after
 * Retry-After, as the app's page retry does.
 */
let viewers = 0;
function viewer(clock: Clock, api: ReturnType<typeof tenant>, urgent: number, background: number) {
  const client = createHttpClient({
    baseUrl: 'https://api.example.test',
    getAccessToken: async () => 't',
    fetch: api.fetch,
    now: clock.now,
    sleep: clock.sleep,
    random: seeded((viewers += 1)),
  });
  const progress = { urgentDoneAt: null as number | null, doneAt: null as number | null };
  const request = async (priority: RequestPriority) => {
    for (;;) {
      try {
        return await client.getJson(PATH, {}, undefined, priority);
      } catch (error) {
        if (!isApiError(error) || error.status !== 429) throw error;
        await clock.sleep((error.retryAfterSeconds ?? 1) * 1000);
      }
    }
  };
  const lanes = async (count: number, priority: RequestPriority) => {
    let left = count;
    const lane = async () => {
      while (left > 0) {
        left -= 1;
        await request(priority);
      }
    };
    await Promise.all(Array.from({ length: 12 }, lane));
  };
  const start = clock.now();
  void lanes(urgent, 'normal')
    .then(() => {
      progress.urgentDoneAt = clock.now() - start;
      return lanes(background, 'background');
    })
    .then(() => {
      progress.doneAt = clock.now() - start;
    });
  return progress;
}

describe('many viewers, one budget', () => {
  it('eight viewers wanting more than the limit meet no 429, and every first screen is read within seconds', async () => {
    const clock = virtualClock();
    // 8 × 100 requests against 560 a minute: 240 of them must wait for the window to slide.
    const api = tenant(clock, 560);
    const viewers = Array.from({ length: 8 }, () => viewer(clock, api, 24, 76));
    await clock.run(() => viewers.every((v) => v.doneAt !== null));
    expect(api.counts.refused).toBe(0);
    expect(api.counts.requests).toBe(800);
    expect(Math.max(...viewers.map((v) => v.urgentDoneAt!))).toBeLessThan(5_000);
    // The rest waited for the window's oldest requests to leave it, and no longer than needed.
    expect(Math.max(...viewers.map((v) => v.doneAt!))).toBeGreaterThan(60_000);
    expect(Math.max(...viewers.map((v) => v.doneAt!))).toBeLessThan(75_000);
  });

  it('eight viewers of busy integration pages, all of it wanted now, still meet no 429', async () => {
    const clock = virtualClock();
    const api = tenant(clock, 560);
    const viewers = Array.from({ length: 8 }, () => viewer(clock, api, 100, 0));
    await clock.run(() => viewers.every((v) => v.doneAt !== null));
    expect(api.counts).toEqual({ requests: 800, refused: 0 });
    expect(Math.max(...viewers.map((v) => v.doneAt!))).toBeLessThan(75_000);
  });

  it('holds back background work so a viewer arriving late still reads its first screen at once', async () => {
    const clock = virtualClock();
    const api = tenant(clock, 560);
    const early = Array.from({ length: 7 }, () => viewer(clock, api, 24, 150));
    await clock.run(() => early.every((v) => v.urgentDoneAt !== null));
    // Let the early viewers' background work spend what it may of the window.
    const until = clock.now() + 10_000;
    await clock.run(() => clock.now() >= until);
    const late = viewer(clock, api, 24, 0);
    await clock.run(() => late.doneAt !== null);
    expect(late.doneAt!).toBeLessThan(2_000);
    expect(api.counts.refused).toBe(0);
  });

  it('keeps one background request in flight while another client is busy, six once it is alone', async () => {
    const clock = virtualClock();
    const api = tenant(clock, 1200);
    // What the background viewer has in flight when each of its requests leaves, and when.
    const starts: { at: number; inFlight: number }[] = [];
    let inFlight = 0;
    const watched = {
      ...api,
      fetch: async () => {
        inFlight += 1;
        starts.push({ at: clock.now(), inFlight });
        try {
          return await api.fetch();
        } finally {
          inFlight -= 1;
        }
      },
    };
    const busy = viewer(clock, api, 300, 0);
    const t0 = clock.now();
    const background = viewer(clock, watched, 0, 900);
    await clock.run(() => busy.doneAt !== null && background.doneAt !== null);
    expect(api.counts.refused).toBe(0);
    // Once the first answers told it about the other client: one at a time, while the other's
    // requests are in the tenant's window (a minute after its last).
    const shared = starts.filter((s) => s.at > t0 + 1_000 && s.at < t0 + busy.doneAt! + 55_000);
    expect(shared.length).toBeGreaterThan(100);
    expect(Math.max(...shared.map((s) => s.inFlight))).toBe(1);
    // Alone again once the other's requests have left the window: the whole budget's pace.
    const alone = starts.filter((s) => s.at > t0 + busy.doneAt! + 61_000);
    expect(alone.length).toBeGreaterThan(0);
    expect(Math.max(...alone.map((s) => s.inFlight))).toBe(6);
  });

  it('takes the requests of the page this tab showed before (a reload) for its own, not another client’s', async () => {
    const maxInFlightAfterReload = async (withLog: boolean) => {
      const clock = virtualClock();
      const api = tenant(clock, 1200);
      // The page before the reload: 150 requests, still in the tenant's window.
      const before: number[] = [];
      for (let i = 0; i < 150; i += 1) {
        before.push(clock.now());
        void api.fetch();
      }
      await clock.run(() => api.counts.requests === 150);
      let inFlight = 0;
      let most = 0;
      const client = createHttpClient({
        baseUrl: 'https://api.example.test',
        getAccessToken: async () => 't',
        fetch: async () => {
          inFlight += 1;
          if (clock.now() > before[0]! + 2_000) most = Math.max(most, inFlight);
          try {
            return await api.fetch();
          } finally {
            inFlight -= 1;
          }
        },
        now: clock.now,
        sleep: clock.sleep,
        sentLog: withLog ? { load: () => [...before], remember: () => undefined } : undefined,
      });
      let left = 200;
      const lane = async () => {
        while (left > 0) {
          left -= 1;
          await client.getJson(PATH, {}, undefined, 'background');
        }
      };
      const done = Promise.all(Array.from({ length: 12 }, lane));
      let finished = false;
      void done.then(() => (finished = true));
      await clock.run(() => finished);
      return most;
    };
    expect(await maxInFlightAfterReload(true)).toBe(6);
    // Without the log, its own earlier requests look like another client's.
    expect(await maxInFlightAfterReload(false)).toBe(1);
  });

  it('does not slow down a viewer alone with the whole budget', async () => {
    const clock = virtualClock();
    const api = tenant(clock, 1200);
    const alone = viewer(clock, api, 34, 156);
    await clock.run(() => alone.doneAt !== null);
    // 190 requests, six at a time, at most 150 ms each: 32 round trips, no waits.
    expect(alone.doneAt!).toBeLessThanOrEqual(Math.ceil(190 / 6) * LATENCY_MS * 1.5);
    expect(api.counts.refused).toBe(0);
  });
});

describe('allowedInFlight', () => {
  const budget = (remaining: number | null) => ({ limit: 1200, remaining, resetAt: 1 });
  it('keeps six in flight with plenty left, narrows as the budget falls, and stops at the reserve', () => {
    expect(allowedInFlight(budget(null), 'normal')).toBe(6);
    expect(allowedInFlight(budget(900), 'normal')).toBe(6);
    // Above the reserve of 24: one in flight per CLIENTS_SHARING spare requests.
    expect(allowedInFlight(budget(24 + 3 * CLIENTS_SHARING), 'normal')).toBe(3);
    expect(allowedInFlight(budget(24 + CLIENTS_SHARING - 1), 'normal')).toBe(0);
    expect(allowedInFlight(budget(3), 'normal')).toBe(0);
  });

  it('keeps background work to one request in flight while other clients are busy', () => {
    expect(allowedInFlight(budget(900), 'background', 6, true)).toBe(1);
    expect(allowedInFlight(budget(null), 'background', 6, true)).toBe(1);
    expect(allowedInFlight(budget(900), 'normal', 6, true)).toBe(6);
    expect(allowedInFlight(budget(24 + 120), 'background', 6, true)).toBe(0);
  });

  it('counts as other clients what the window holds beyond this client’s own requests', () => {
    // 200 spent in the window, 150 of them ours: 50 from others, beyond the reserve of 24.
    expect(othersInWindow(budget(1000), 150)).toBe(50);
    expect(othersBusy(budget(1000), 150)).toBe(true);
    // 10 from others (a watcher's poll, a script): not busy.
    expect(othersBusy(budget(1000), 190)).toBe(false);
    // Our requests in flight not yet counted by the API: never below none.
    expect(othersInWindow(budget(1000), 205)).toBe(0);
    expect(othersBusy(budget(null), 0)).toBe(false);
  });

  it('leaves a tenth of the limit besides to what people wait on', () => {
    expect(allowedInFlight(budget(24 + 120 + 2 * CLIENTS_SHARING), 'background')).toBe(2);
    expect(allowedInFlight(budget(24 + 120 + 2 * CLIENTS_SHARING), 'normal')).toBe(6);
    expect(allowedInFlight(budget(24 + 120), 'background')).toBe(0);
  });
});

describe('wakeDelay', () => {
  const at = 1_764_400_000_000;
  it('waits for the oldest request to leave, spread over the time sixteen requests free up', () => {
    const budget = { limit: 1200, remaining: 10, resetAt: at / 1000 + 20 };
    expect(wakeDelay(budget, at, 0)).toBe(20_000);
    // At 1,200 a minute one request frees every 50 ms: viewers spread over 16 × 50 ms.
    expect(wakeDelay(budget, at, 1)).toBe(20_800);
    // A small limit frees slowly, but the spread stays within a second.
    expect(wakeDelay({ ...budget, limit: 120 }, at, 1)).toBe(21_000);
  });

  it('never waits more than one window, whatever a skewed clock says', () => {
    expect(wakeDelay({ limit: 1200, remaining: 0, resetAt: at / 1000 + 600 }, at, 0)).toBe(60_000);
    // A reset already past says nothing: at least a second (rate-gate-hostile.test.ts).
    expect(wakeDelay({ limit: 1200, remaining: 0, resetAt: at / 1000 - 600 }, at, 0)).toBe(1000);
  });
});
