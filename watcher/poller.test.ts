import { describe, expect, it } from 'vitest';
import type { SyncRun } from '../src/lib/api/schemas.ts';
import { diffJudgements, type Stored } from './changes.ts';
import { judge } from './judge.ts';
import { nextPollDelay, pollIntegration, type RunStore } from './poller.ts';
import { standinClient, standinFetch } from '../neo-standin/test-support/standin-fetch.ts';

const MIN = 60_000;
const START = Date.UTC(2026, 10, 28, 12);

function memoryStore(): RunStore {
  const byName = new Map<string, Map<string, SyncRun>>();
  return {
    upsert(name, runs) {
      const map = byName.get(name) ?? new Map();
      for (const run of runs) map.set(run.run_id, run);
      byName.set(name, map);
    },
    list(name, since) {
      return [...(byName.get(name)?.values() ?? [])]
        .filter((r) => r.started_at === null || Date.parse(r.started_at) >= since)
        .sort((a, b) => Date.parse(b.started_at ?? '0') - Date.parse(a.started_at ?? '0'));
    },
    prune(name, olderThan) {
      const map = byName.get(name);
      for (const [id, run] of map ?? [])
        if (run.started_at && Date.parse(run.started_at) < olderThan) map?.delete(id);
    },
  };
}

function setup() {
  const api = standinFetch(START);
  const client = standinClient(api);
  return { api, client, store: memoryStore() };
}

const context = (name: string, now: number) => ({
  integration: name,
  integrationName: name,
  dashboardUrl: 'https://dash.example/app/',
  now,
});

describe('the watcher polls like the dashboard', () => {
  it('reads 30 days once, then only what is new, and ends equal to a fresh full read', async () => {
    const { api, client, store } = setup();
    const first = await pollIntegration(client, store, 'connectwise', { now: api.now() });
    expect(first.runs.length).toBe(api.countRuns('connectwise', START - 30 * 1440 * MIN, START));
    const before = api.requests();
    api.advance(45 * MIN);
    const second = await pollIntegration(client, store, 'connectwise', { now: api.now() });
    expect(api.requests() - before).toBe(1);
    expect(second.fetched).toBeLessThan(10);
    // The merged store holds exactly what one full read returns now.
    const fresh = memoryStore();
    const full = await pollIntegration(client, fresh, 'connectwise', { now: api.now() });
    const ids = (runs: SyncRun[]) => runs.map((r) => `${r.run_id}:${r.status}`).sort();
    expect(ids(second.runs)).toEqual(ids(full.runs));
  });

  it('polls a third of the cadence, bounded, and soonest while a run is running', async () => {
    const { api, client, store } = setup();
    const { runs } = await pollIntegration(client, store, 'hudu', { now: api.now() });
    const bounds = { minMs: MIN, maxMs: 15 * MIN };
    expect(nextPollDelay(runs, bounds)).toBe(15 * MIN);
    expect(nextPollDelay([{ ...runs[0]!, status: 'RUNNING' }, ...runs.slice(1)], bounds)).toBe(MIN);
    expect(nextPollDelay(runs, bounds, 2)).toBe(4 * MIN);
  });

  it('tells each problem once, nothing for healthy integrations, and survives an hour of outage without false alarms', async () => {
    const { api, client, store } = setup();
    const states = new Map<string, Map<string, Stored>>();
    async function round(name: string) {
      const { runs } = await pollIntegration(client, store, name, {
        now: api.now(),
        retryDelay: () => 0,
      });
      const { notices, states: next } = diffJudgements(
        states.get(name) ?? new Map(),
        judge(runs, api.now()),
        context(name, api.now()),
      );
      states.set(name, next);
      return notices;
    }
    expect(await round('connectwise')).toEqual([]);
    const halo = await round('halopsa');
    expect(halo.map((n) => n.kind).sort()).toEqual([
      'anomaly-opened',
      'health-changed',
      'signature-opened',
    ]);
    const health = halo.find((n) => n.kind === 'health-changed')!;
    expect(health.title).toBe('halopsa is failing');
    expect(health.link).toMatch(
      /^https:\/\/dash\.example\/app\/integrations\/halopsa\?since=.+&until=.+$/,
    );
    const signature = halo.find((n) => n.kind === 'signature-opened')!;
    expect(signature.text).toMatch(
      /Ticket Types \(Board: Service Desk \(444\)\) fails with permission_denied/,
    );
    expect(new URL(signature.link).searchParams.get('sig')).toMatch(/^[0-9a-z]+$/);
    // The same state again: nothing new.
    api.advance(30 * MIN);
    expect(await round('halopsa')).toEqual([]);
    // The API is down for an hour: polls fail, nothing is judged, nothing is said.
    api.setDown(true);
    api.advance(60 * MIN);
    await expect(
      pollIntegration(client, store, 'connectwise', { now: api.now(), retryDelay: () => 0 }),
    ).rejects.toThrow();
    api.setDown(false);
    api.advance(5 * MIN);
    expect(await round('connectwise')).toEqual([]);
    expect(await round('halopsa')).toEqual([]);
  });
});
