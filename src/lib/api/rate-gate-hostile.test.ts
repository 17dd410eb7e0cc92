// Hostile or broken rate-limit headers (a reset in the past or missing, an absurd limit, no
// Remaining at all) against one client on a virtual clock: its requests are counted per second.
import { describe, expect, it } from 'vitest';
import { virtualClock } from '@/test/virtual-clock';
import { createHttpClient } from './http-client';
import {
  believedLimit,
  believedRateLimit,
  CONTRACT_LIMIT,
  MIN_PROBE_GAP_MS,
  RATE_WINDOW_MS,
  wakeDelay,
} from './rate-gate';

const START = 1_764_400_000_000;
const LATENCY_MS = 50;

type Headers = Record<string, string>;

/**
 * One viewer wanting 300 pages of an API whose every answer is a 200 carrying `headers(n)` (n: the
 * answer's number, from 0), run for two virtual minutes. Returns when each request was sent.
 */
async function sendTimes(headers: (n: number, now: number) => Headers): Promise<number[]> {
  const clock = virtualClock(START);
  const sent: number[] = [];
  const client = createHttpClient({
    baseUrl: 'https://api.example.test',
    getAccessToken: async () => 't',
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    fetch: async () => {
      const n = sent.length;
      sent.push(clock.now());
      await clock.sleep(LATENCY_MS);
      return new Response(JSON.stringify({ data: [], meta: { request_id: 'r' } }), {
        headers: { 'Content-Type': 'application/json', ...headers(n, clock.now()) },
      });
    },
  });
  let wanted = 300;
  const lane = async () => {
    while (wanted > 0) {
      wanted -= 1;
      await client.getJson('/public-api/integrations/halopsa/sync-runs', {});
    }
  };
  for (let i = 0; i < 12; i += 1) void lane();
  await clock.runUntil(START + 2 * RATE_WINDOW_MS);
  return sent;
}

/** The most requests sent within any one second after the first answer arrived. */
function busiestSecond(sent: number[]): number {
  const after = sent.filter((t) => t >= START + LATENCY_MS);
  return Math.max(0, ...after.map((t) => after.filter((u) => u >= t && u < t + 1000).length));
}

const pastReset = (now: number) => String(Math.floor(now / 1000) - 30);

describe('hostile rate-limit headers', () => {
  const spent: [string, (n: number, now: number) => Headers][] = [
    [
      'a reset in the past',
      (_, now) => ({
        'X-RateLimit-Limit': '1200',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': pastReset(now),
      }),
    ],
    ['no reset at all', () => ({ 'X-RateLimit-Limit': '1200', 'X-RateLimit-Remaining': '0' })],
    [
      'an absurd limit (1e12) and a reset in the past',
      (_, now) => ({
        'X-RateLimit-Limit': '1000000000000',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': pastReset(now),
      }),
    ],
    [
      'a limit of 0',
      (_, now) => ({
        'X-RateLimit-Limit': '0',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': pastReset(now),
      }),
    ],
    [
      'a negative limit and remaining',
      () => ({ 'X-RateLimit-Limit': '-5', 'X-RateLimit-Remaining': '-5' }),
    ],
  ];

  it.each(spent)(
    'with the budget spent and %s, a client asks at most once a second',
    async (_, headers) => {
      const sent = await sendTimes(headers);
      // The first six go out together (nothing known yet); then one probe at a time, ever slower.
      expect(sent.filter((t) => t < START + LATENCY_MS)).toHaveLength(6);
      expect(busiestSecond(sent)).toBeLessThanOrEqual(1);
      // Waits doubling from 1 s to a window: a dozen probes in two minutes, not hundreds.
      expect(sent.length).toBeLessThanOrEqual(6 + 12);
    },
  );

  it('with the budget spent, answers that then say nothing of it do not start a stream of probes', async () => {
    const sent = await sendTimes((n, now): Headers =>
      n < 6
        ? {
            'X-RateLimit-Limit': '1200',
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': pastReset(now),
          }
        : {},
    );
    // Within the window of the last read; after it, the client knows as little as a new one.
    const inWindow = sent.filter((t) => t < START + RATE_WINDOW_MS);
    expect(busiestSecond(inWindow)).toBeLessThanOrEqual(1);
    expect(inWindow.length).toBeLessThanOrEqual(6 + 6);
  });

  it('an absurd limit does not stop a client that has budget left', async () => {
    // Believed, a limit of 1e12 would keep a reserve of 2e10 and leave 1,000 requests unused.
    const sent = await sendTimes((_, now) => ({
      'X-RateLimit-Limit': '1000000000000',
      'X-RateLimit-Remaining': '1000',
      'X-RateLimit-Reset': String(Math.floor(now / 1000) + 30),
    }));
    expect(sent).toHaveLength(300);
    expect(sent.at(-1)! - START).toBeLessThan(5_000);
  });

  it('still reads the whole budget again as soon as a believable reset has passed', async () => {
    // Spent until 10 s from now, then plenty: the client waits for the reset, not for a back-off.
    const sent = await sendTimes((_, now): Headers =>
      now < START + 10_000
        ? {
            'X-RateLimit-Limit': '1200',
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': String(START / 1000 + 10),
          }
        : { 'X-RateLimit-Limit': '1200', 'X-RateLimit-Remaining': '1000' },
    );
    expect(sent.filter((t) => t > START + LATENCY_MS && t < START + 10_000)).toEqual([]);
    expect(sent.length).toBe(300);
    expect(sent.at(-1)! - START).toBeLessThan(20_000);
  });
});

describe('what is believed of the headers', () => {
  it('takes a plausible limit as it is and any other as the contract’s', () => {
    expect(believedLimit(null)).toBeNull();
    expect(believedLimit(600)).toBe(600);
    expect(believedLimit(12_000)).toBe(12_000);
    for (const absurd of [0, -5, 1.5, 12_001, 1e12, Number.NaN, Number.POSITIVE_INFINITY])
      expect(believedLimit(absurd), String(absurd)).toBe(CONTRACT_LIMIT);
  });

  it('keeps what is left between 0 and the believed limit', () => {
    expect(believedRateLimit({ limit: 1e12, remaining: 1e12, resetAt: 5 })).toEqual({
      limit: CONTRACT_LIMIT,
      remaining: CONTRACT_LIMIT,
      resetAt: 5,
    });
    expect(believedRateLimit({ limit: 1200, remaining: -3, resetAt: null }).remaining).toBe(0);
  });

  it('waits at least a second and at most a window, doubling while the reset says nothing', () => {
    const spent = { limit: 1200, remaining: 0, resetAt: START / 1000 - 600 };
    expect(wakeDelay(spent, START, 0)).toBe(MIN_PROBE_GAP_MS);
    expect(wakeDelay(spent, START, 0, 3)).toBe(8 * MIN_PROBE_GAP_MS);
    expect(wakeDelay(spent, START, 0, 40)).toBe(RATE_WINDOW_MS);
    expect(wakeDelay({ ...spent, resetAt: null }, START, 0, 1)).toBe(2 * MIN_PROBE_GAP_MS);
    expect(wakeDelay({ ...spent, resetAt: START / 1000 + 0.1 }, START, 0)).toBe(MIN_PROBE_GAP_MS);
    expect(wakeDelay({ ...spent, limit: 1e12 }, START, 1)).toBe(MIN_PROBE_GAP_MS + 800);
  });
});
