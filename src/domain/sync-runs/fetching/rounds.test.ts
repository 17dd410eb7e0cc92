// Parallel slices return exactly what one sequential cursor walk returns, on the stand-in itself.
import { describe, expect, it } from 'vitest';
import {
  anyBearerAuthenticator,
  createDemoTenant,
  createStandinApi,
  standinHandler,
} from '../../../../neo-standin/core/index.ts';
import { isApiError } from '@/lib/api/api-error';
import { createHttpClient } from '@/lib/api/http-client';
import type { SyncRun } from '@/lib/api/schemas';
import { getSyncRunsPage } from '@/lib/api/sync-runs';
import { server } from '@/test/msw-server';
import { initialFrontier, mergeRounds, runRound, type RoundPage } from './rounds';
import { splitWindow } from './slices';

const BASE = 'https://standin.test';
const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const WINDOW = {
  since: new Date(NOW - 30 * 86_400_000).toISOString(),
  until: new Date(NOW).toISOString(),
};

function useStandin(options: { cadenceMinutes?: number; rate429?: number; rate5xx?: number } = {}) {
  const api = createStandinApi({
    tenant: createDemoTenant({
      seed: 'parallel',
      referenceTime: NOW,
      cadenceMinutes: options.cadenceMinutes ?? null,
    }),
    authenticate: anyBearerAuthenticator(),
    now: () => NOW,
    rateLimit: { limit: 100_000 },
    faults: { rate429: options.rate429 ?? 0, rate5xx: options.rate5xx ?? 0, seed: 'faults' },
  });
  server.use(standinHandler(api, BASE));
  // The stand-in's clock stands still: a 429's pause (Retry-After) is not waited out in real time.
  return createHttpClient({
    baseUrl: BASE,
    getAccessToken: async () => 'test-token',
    sleep: async () => {},
  });
}

async function sequential(
  client: ReturnType<typeof useStandin>,
  name: string,
  window = WINDOW,
): Promise<SyncRun[]> {
  const runs: SyncRun[] = [];
  let cursor: string | null = null;
  do {
    const page = await getSyncRunsPage(client, { name, ...window, pageSize: 200, cursor });
    runs.push(...page.runs);
    cursor = page.hasMore ? page.nextCursor : null;
  } while (cursor);
  return runs;
}

/** Rounds until done; a failed round is retried as is (what the UI's retry does). */
async function parallel(
  client: ReturnType<typeof useStandin>,
  name: string,
  slices = 6,
  window = WINDOW,
) {
  const rounds: RoundPage[] = [];
  let frontier = initialFrontier(splitWindow(window, slices));
  let failures = 0;
  while (frontier.length > 0) {
    try {
      const round = await runRound(frontier, 6, (entry) =>
        getSyncRunsPage(client, {
          name,
          since: entry.since,
          until: entry.until,
          pageSize: 200,
          cursor: entry.cursor,
        }),
      );
      rounds.push(round);
      frontier = round.next;
    } catch (error) {
      if (!isApiError(error) || !error.isTransient) throw error;
      failures += 1;
    }
  }
  return { merged: mergeRounds(rounds), rounds: rounds.length, failures };
}

const ids = (runs: readonly SyncRun[]) => runs.map((r) => r.run_id);

describe('parallel window fetching', () => {
  it('returns exactly the sequential walk at a 5-minute cadence', async () => {
    const client = useStandin({ cadenceMinutes: 5 });
    const expected = await sequential(client, 'connectwise');
    const { merged, rounds } = await parallel(client, 'connectwise');
    expect(expected.length).toBeGreaterThan(8000);
    expect(ids(merged.runs)).toEqual(ids(expected));
    expect(merged.duplicates).toBe(0);
    expect(rounds).toBeLessThan(Math.ceil(expected.length / 200) / 4);
  });

  it('returns a run that starts exactly on a slice boundary once', async () => {
    const client = useStandin({ cadenceMinutes: 5 });
    const all = await sequential(client, 'connectwise');
    const pivotRun = all[1000]!;
    const pivot = Date.parse(pivotRun.started_at!);
    const window = {
      since: new Date(pivot - 2 * 86_400_000).toISOString(),
      until: new Date(pivot + 2 * 86_400_000).toISOString(),
    };
    expect(splitWindow(window, 2)[0]!.since).toBe(new Date(pivot).toISOString());
    const expected = await sequential(client, 'connectwise', window);
    const { merged } = await parallel(client, 'connectwise', 2, window);
    expect(ids(merged.runs)).toEqual(ids(expected));
    expect(ids(merged.runs).filter((id) => id === pivotRun.run_id)).toHaveLength(1);
  });

  it('keeps runs without a start time, exactly once', async () => {
    const client = useStandin();
    const expected = await sequential(client, 'datto_rmm');
    const { merged } = await parallel(client, 'datto_rmm');
    expect(expected.some((r) => r.started_at === null)).toBe(true);
    expect(ids(merged.runs)).toEqual(ids(expected));
  });

  it('stays exact under 429s and 5xx mid-walk', async () => {
    const clean = await sequential(useStandin({ cadenceMinutes: 15 }), 'halopsa');
    const { merged, failures } = await parallel(
      useStandin({ cadenceMinutes: 15, rate429: 0.15, rate5xx: 0.1 }),
      'halopsa',
    );
    expect(failures).toBeGreaterThan(0);
    expect(ids(merged.runs)).toEqual(ids(clean));
  });
});
