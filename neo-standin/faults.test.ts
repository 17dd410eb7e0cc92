// @vitest-environment node
// The stand-in's fault knobs, as a client sees them over real HTTP, and its own counts.
import { afterEach, describe, expect, it } from 'vitest';
import { startStandin, type StandinServer } from './server.ts';
import type { StandinConfig } from './config.ts';

const KEY = 'neo_sk_test_0123456789abcdefABCDEF';
const OTHER_KEY = 'neo_sk_test_fedcba9876543210FEDCBA';
const DAY = 86_400_000;
const until = Math.floor(Date.now() / 60_000) * 60_000;
const window = `since=${new Date(until - 2 * DAY).toISOString()}&until=${new Date(until).toISOString()}`;
const list = (cursor?: string) =>
  `/public-api/integrations/connectwise/sync-runs?${window}&page_size=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

let standin: StandinServer | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

async function start(options: Partial<StandinConfig>) {
  standin = await startStandin({
    port: 0,
    apiKeys: [KEY, OTHER_KEY],
    seed: 'faults-test',
    cadenceMinutes: 15,
    ...options,
  });
  return standin;
}

type Page = {
  data: { run_id: string }[];
  meta: { pagination: { has_more: boolean; next_cursor: string | null } };
};

async function get(path: string, key = KEY) {
  return fetch(`${standin!.url}${path}`, { headers: { Authorization: `Bearer ${key}` } });
}

describe('stand-in fault knobs', () => {
  it('drops connections and cuts bodies off at the configured rates', async () => {
    await start({ faultDropRate: 0.3, faultTruncateRate: 0.3 });
    const outcomes = { ok: 0, dropped: 0, cutOff: 0 };
    for (let i = 0; i < 40; i += 1) {
      const response = await get(list()).catch(() => null);
      if (!response) {
        outcomes.dropped += 1;
        continue;
      }
      const body = await response.json().catch(() => null);
      if (body) outcomes.ok += 1;
      else outcomes.cutOff += 1;
    }
    expect(outcomes.dropped).toBeGreaterThan(3);
    expect(outcomes.cutOff).toBeGreaterThan(3);
    expect(outcomes.ok).toBeGreaterThan(3);
    const stats = (await (await fetch(`${standin!.url}/_standin/stats`)).json()) as {
      dropped: number;
      truncated: number;
    };
    expect(stats).toMatchObject({ dropped: outcomes.dropped, truncated: outcomes.cutOff });
  });

  it.each([
    [
      'repeat-cursor',
      (_first: Page, second: Page, sent: string) => {
        expect(second.meta.pagination.next_cursor).toBe(sent);
      },
    ],
    [
      'missing-cursor',
      (first: Page) => {
        expect(first.meta.pagination).toEqual({ has_more: true, next_cursor: null });
      },
    ],
    [
      'empty-pages',
      (first: Page, second: Page) => {
        expect(first.data.length).toBe(50);
        expect(second.data).toEqual([]);
        expect(second.meta.pagination.has_more).toBe(true);
      },
    ],
    [
      'stale-pages',
      (first: Page, second: Page, sent: string) => {
        expect(second.data.map((r) => r.run_id)).toEqual(first.data.map((r) => r.run_id));
        expect(second.meta.pagination.has_more).toBe(true);
        expect(second.meta.pagination.next_cursor).not.toBe(sent);
        expect(second.meta.pagination.next_cursor).toBeTruthy();
      },
    ],
  ] as const)('breaks paging as %s', async (pagingFault, check) => {
    await start({ pagingFault });
    const first = (await (await get(list())).json()) as Page;
    // With a missing cursor there is nothing to follow; use the clean walk's cursor shape instead.
    const sent = first.meta.pagination.next_cursor;
    const second = sent ? ((await (await get(list(sent))).json()) as Page) : first;
    check(first, second, sent ?? '');
  });

  it('refuses each token as expired after its allowance, while a new token works', async () => {
    await start({ tokenExpiresAfter: 2 });
    expect((await get(list())).status).toBe(200);
    expect((await get(list())).status).toBe(200);
    const expired = await get(list());
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_token',
    );
    expect((await get(list(), OTHER_KEY)).status).toBe(200);
  });

  it('counts the runs of a window itself, matching a full walk of the API', async () => {
    await start({});
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await (await get(list(cursor))).json()) as Page;
      ids.push(...page.data.map((r) => r.run_id));
      cursor = page.meta.pagination.next_cursor ?? undefined;
    } while (cursor);
    const count = (await (
      await fetch(`${standin!.url}/_standin/count?integration=connectwise&${window}`)
    ).json()) as { runs: number };
    expect(count.runs).toBe(ids.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(100);
  });
});
