// The kept runs plus what a later visit fetches equal a fresh full read, on the stand-in's demo
// tenant with its clock moving on: runs finish, new ones start, the window's start moves.
import { describe, expect, it } from 'vitest';
import { standinClient, standinFetch } from '../../../../neo-standin/test-support/standin-fetch.ts';
import type { SyncRun } from '@/lib/api/schemas';
import {
  boundRecord,
  combineRecords,
  extendsRecord,
  planFromRecord,
  recordOf,
  type RunCacheRecord,
} from './run-cache';
import { walkChain } from './walk-chain';
import { DAY_MS, windowMs, windowEndingAt } from '@/domain/sync-runs/model/window';

const START = Date.UTC(2026, 10, 28, 12, 3);
const MIN = 60_000;

function standin() {
  const api = standinFetch(START, { seed: 'run-cache' });
  const client = standinClient(api);
  return { client, now: api.now, advance: api.advance, requests: api.requests };
}

type Standin = ReturnType<typeof standin>;

async function read(s: Standin, name: string, since: number, until: number, pageSize = 200) {
  const walk = await walkChain(
    s.client,
    name,
    { since: new Date(since).toISOString(), until: new Date(until).toISOString() },
    { maxPages: 10_000, pageSize },
  );
  expect(walk.done).toBe(true);
  return walk.runs;
}

/** A later visit: the kept runs, then each planned range read from the API. */
async function revisit(
  s: Standin,
  name: string,
  record: RunCacheRecord,
  days: number,
  pageSize = 200,
) {
  const window = windowMs(windowEndingAt(s.now(), days * DAY_MS));
  const plan = planFromRecord(record, window, s.now());
  expect(plan).not.toBeNull();
  const before = s.requests();
  const fetched: SyncRun[] = [];
  for (const range of plan!.ranges)
    fetched.push(...(await read(s, name, range.since, range.until, pageSize)));
  return { window, plan: plan!, fetched, requests: s.requests() - before };
}

const asSet = (runs: readonly SyncRun[]) => runs.map((run) => JSON.stringify(run)).sort();

describe('kept runs and a later visit', () => {
  for (const name of ['connectwise', 'halopsa', 'datto_rmm', 'ninjaone']) {
    it(`${name}: kept + fetched = a fresh full read, 50 minutes later`, async () => {
      const s = standin();
      const first = windowMs(windowEndingAt(s.now(), 30 * DAY_MS));
      const record = recordOf(await read(s, name, first.since, first.until), first, s.now());
      s.advance(50 * MIN);
      const { window, plan, fetched, requests } = await revisit(s, name, record, 30);
      const fresh = await read(s, name, window.since, window.until);
      // Nothing shown twice, nothing lost, every run as the API says it now.
      const ids = [...plan.runs, ...fetched].map((run) => run.run_id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(asSet([...plan.runs, ...fetched])).toEqual(asSet(fresh));
      // Almost everything came from the kept record, in at most three requests.
      expect(plan.runs.length).toBeGreaterThan(fresh.length * 0.9);
      expect(requests).toBeLessThanOrEqual(3);
    });
  }

  it('a stuck RUNNING run and the runs without a start time after it are always read again', async () => {
    const s = standin();
    const first = windowMs(windowEndingAt(s.now(), 30 * DAY_MS));
    const runs = await read(s, 'datto_rmm', first.since, first.until);
    expect(runs.some((run) => run.status === 'RUNNING')).toBe(true);
    expect(runs.some((run) => run.started_at === null)).toBe(true);
    const record = recordOf(runs, first, s.now());
    expect(record.runs.some(({ run }) => run.status === 'RUNNING')).toBe(false);
    const stuck = runs.find((run) => run.status === 'RUNNING')!;
    expect(record.until).toBeLessThanOrEqual(Date.parse(stuck.started_at!));
  });

  it('small pages: cursors run across the kept stretch’s edges and still nothing differs', async () => {
    const s = standin();
    const first = windowMs(windowEndingAt(s.now(), 30 * DAY_MS));
    const record = recordOf(
      await read(s, 'datto_rmm', first.since, first.until, 7),
      first,
      s.now(),
    );
    s.advance(3 * 60 * MIN);
    const { window, plan, fetched } = await revisit(s, 'datto_rmm', record, 30, 7);
    const fresh = await read(s, 'datto_rmm', window.since, window.until, 7);
    expect(asSet([...plan.runs, ...fetched])).toEqual(asSet(fresh));
  });

  it('a 7-day record serves a 30-day window: the older part is read, the rest is kept', async () => {
    const s = standin();
    const week = windowMs(windowEndingAt(s.now(), 7 * DAY_MS));
    const record = recordOf(await read(s, 'halopsa', week.since, week.until), week, s.now());
    s.advance(20 * MIN);
    const { window, plan, fetched } = await revisit(s, 'halopsa', record, 30);
    expect(plan.ranges).toHaveLength(2);
    expect(asSet([...plan.runs, ...fetched])).toEqual(
      asSet(await read(s, 'halopsa', window.since, window.until)),
    );
  });

  it('a shorter view keeps the older record’s runs, and nothing past 30 days is kept', async () => {
    const s = standin();
    const month = windowMs(windowEndingAt(s.now(), 30 * DAY_MS));
    const old = recordOf(await read(s, 'connectwise', month.since, month.until), month, s.now());
    s.advance(10 * MIN);
    const day = windowMs(windowEndingAt(s.now(), DAY_MS));
    const recent = recordOf(await read(s, 'connectwise', day.since, day.until), day, s.now());
    const both = combineRecords(old, recent, s.now());
    // The month's runs stay (trimmed to the last 30 days), beside the day's newer copies.
    expect(both.since).toBe(s.now() - 30 * DAY_MS);
    expect(both.until).toBe(recent.until);
    expect(both.runs.length).toBeGreaterThan(recent.runs.length * 10);
    s.advance(DAY_MS);
    const later = combineRecords(null, both, s.now());
    expect(later.since).toBe(s.now() - 30 * DAY_MS);
    expect(later.runs.every(({ lo }) => lo >= later.since)).toBe(true);
    // A new 30-day read has nothing to gain from what was kept: saving it need not read it.
    expect(extendsRecord(old, recent, s.now())).toBe(true);
    const nextMonth = windowMs(windowEndingAt(s.now(), 30 * DAY_MS));
    expect(extendsRecord(both, { since: nextMonth.since }, s.now())).toBe(false);
    expect(extendsRecord({ since: 0, until: day.since - 1 }, recent, s.now())).toBe(false);
  });

  it('an old or missing record is not used', () => {
    const window = { since: START - DAY_MS, until: START };
    expect(planFromRecord(null, window, START)).toBeNull();
    const stale: RunCacheRecord = {
      since: window.since,
      until: START,
      runs: [],
      savedAt: START - 31 * DAY_MS,
    };
    expect(planFromRecord(stale, window, START)).toBeNull();
  });

  it('a record cut to its newest runs no longer claims the time of those it dropped', async () => {
    const s = standin();
    const month = windowMs(windowEndingAt(s.now(), 30 * DAY_MS));
    const record = recordOf(await read(s, 'datto_rmm', month.since, month.until), month, s.now());
    const half = Math.floor(record.runs.length / 2);
    const cut = boundRecord(record, half);
    expect(cut.runs.length).toBeLessThanOrEqual(half);
    expect(cut.since).toBeGreaterThan(record.since);
    s.advance(30 * MIN);
    const { window, plan, fetched } = await revisit(s, 'datto_rmm', cut, 30);
    // The stretch it dropped is read again: kept + fetched is still exactly a fresh read.
    expect(plan.ranges).toHaveLength(2);
    expect(asSet([...plan.runs, ...fetched])).toEqual(
      asSet(await read(s, 'datto_rmm', window.since, window.until)),
    );
    expect(boundRecord(record, record.runs.length)).toBe(record);
  });
});
