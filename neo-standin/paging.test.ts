// @vitest-environment node
// Keyset paging: every run of a pinned window exactly once, newest first, while the clock moves on.
import { describe, expect, it } from 'vitest';
import { DAY, MINUTE } from './core/clock.ts';
import { createDemoTenant, type DemoTenantOptions } from './core/demo-tenant.ts';
import { createTestStandin, errorOf, runsPath, successOf } from './test-support/standin-client.ts';
import type { SyncRun } from './core/types.ts';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

function setup(options: DemoTenantOptions = {}) {
  const tenant = createDemoTenant({ seed: 'paging', referenceTime: NOW, ...options });
  return { tenant, ...createTestStandin(tenant, NOW, { rateLimit: { limit: 100_000 } }) };
}

/** What the window held at the moment of the first request, read in one go. */
function snapshot(tenant: ReturnType<typeof createDemoTenant>, name: string, at: number) {
  return tenant.listRuns(name, {
    since: at - 30 * DAY,
    until: at,
    after: null,
    limit: 1_000_000,
    now: at,
  });
}

/** Runs without started_at sort by their scheduled time; for ordering checks use the keyset. */
function expectNewestFirst(runs: SyncRun[], keys: { t: number; id: string }[]) {
  const byId = new Map(keys.map((key) => [key.id, key.t]));
  for (let i = 1; i < runs.length; i++) {
    const prev = byId.get(runs[i - 1]?.run_id ?? '') ?? Number.NaN;
    const next = byId.get(runs[i]?.run_id ?? '') ?? Number.NaN;
    expect(prev).toBeGreaterThan(next);
  }
}

async function pageThrough(
  get: ReturnType<typeof setup>['get'],
  name: string,
  between: () => void = () => {},
  query: Record<string, string> = {},
) {
  const runs: SyncRun[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const response = await get(runsPath(name), { page_size: '200', ...query, cursor });
    expect(response.status).toBe(200);
    const body = successOf(response);
    runs.push(...body.data);
    pages += 1;
    expect(body.meta.pagination.has_more).toBe(body.meta.pagination.next_cursor !== null);
    cursor = body.meta.pagination.next_cursor ?? undefined;
    between();
  } while (cursor);
  return { runs, pages };
}

describe('paging a 30-day window with page_size 200', () => {
  it.each(['connectwise', 'datto_rmm'])(
    '%s: every run exactly once, newest first, while new runs keep arriving',
    async (name) => {
      const { tenant, get, advance } = setup();
      const expected = snapshot(tenant, name, NOW);
      // Seven minutes pass between pages: new runs start and running ones finish meanwhile.
      const { runs, pages } = await pageThrough(get, name, () => advance(7 * MINUTE));
      expect(pages).toBe(Math.ceil(expected.runs.length / 200));
      expect(runs.map((r) => r.run_id)).toEqual(expected.runs.map((r) => r.run_id));
      expect(new Set(runs.map((r) => r.run_id)).size).toBe(runs.length);
      expectNewestFirst(runs, expected.keys);
      // The newer runs exist: a fresh first page, a cadence later, starts with them.
      advance(60 * MINUTE);
      const fresh = successOf(await get(runsPath(name), { page_size: '200' }));
      expect(fresh.data[0]?.run_id).not.toBe(runs[0]?.run_id);
    },
  );

  it('8,640 runs in 30 days with a 5-minute cadence (benchmark knob)', async () => {
    const { get } = setup({ cadenceMinutes: 5 });
    const { runs, pages } = await pageThrough(get, 'connectwise');
    expect(runs).toHaveLength(8640);
    expect(pages).toBe(44);
  });

  it('explicit since/until: since inclusive, until exclusive, on start time', async () => {
    const { tenant, get } = setup();
    const all = snapshot(tenant, 'halopsa', NOW);
    const pivot = all.runs[10] as SyncRun;
    const older = all.runs[20] as SyncRun;
    const { runs } = await pageThrough(get, 'halopsa', undefined, {
      since: older.started_at ?? '',
      until: pivot.started_at ?? '',
    });
    expect(runs[0]?.run_id).toBe(all.runs[11]?.run_id);
    expect(runs.at(-1)?.run_id).toBe(older.run_id);
    expect(runs).toHaveLength(10);
  });

  it('the cursor pins the window: a later page reads the same window and page size', async () => {
    const { get, advance } = setup();
    const first = successOf(await get(runsPath('ninjaone'), { page_size: '7' }));
    advance(DAY);
    const second = await get(runsPath('ninjaone'), {
      cursor: first.meta.pagination.next_cursor ?? '',
    });
    const body = successOf(second);
    expect(body.data).toHaveLength(7);
    expect(Date.parse(body.data[0]?.started_at ?? '')).toBeLessThan(
      Date.parse(first.data[6]?.started_at ?? ''),
    );
  });

  it('a cursor with a different since/until, or for another integration → invalid_cursor', async () => {
    const { get } = setup();
    const query = { since: '2026-11-20T00:00:00Z', until: '2026-11-27T00:00:00Z', page_size: '5' };
    const first = successOf(await get(runsPath('connectwise'), query));
    const cursor = first.meta.pagination.next_cursor ?? '';
    const same = await get(runsPath('connectwise'), { ...query, cursor });
    expect(same.status).toBe(200);
    const moved = await get(runsPath('connectwise'), {
      ...query,
      until: '2026-11-26T00:00:00Z',
      cursor,
    });
    expect(moved.status).toBe(400);
    expect(errorOf(moved)).toMatchObject({
      code: 'invalid_cursor',
      details: { parameter: 'cursor', cursor_until: '2026-11-27T00:00:00.000Z' },
    });
    const other = await get(runsPath('halopsa'), { cursor });
    expect(errorOf(other).code).toBe('invalid_cursor');
  });
});
