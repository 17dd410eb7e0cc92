// @vitest-environment node
// The demo tenant: deterministic, with its scenarios in place, and alive as the clock moves.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from './core/clock.ts';
import { createDemoTenant } from './core/demo-tenant.ts';
import { halopsaFailureOnset } from './core/profiles/psa.ts';
import { SKIPPED_STILL_RUNNING, UNMAPPED_ORGANIZATION } from './core/profiles/rmm.ts';
import type { SyncRun } from './core/types.ts';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const SEED = 'tenant-test';

function runs(
  name: string,
  now = NOW,
  options: { seed?: string; since?: number; until?: number } = {},
) {
  const tenant = createDemoTenant({ seed: options.seed ?? SEED, referenceTime: NOW });
  const until = options.until ?? now;
  return tenant.listRuns(name, {
    since: options.since ?? until - 30 * DAY,
    until,
    after: null,
    limit: 1_000_000,
    now,
  }).runs;
}

const start = (run: SyncRun) => Date.parse(run.started_at ?? '');

describe('determinism', () => {
  it('the same seed gives the same runs; another seed gives others', () => {
    expect(runs('ninjaone')).toEqual(runs('ninjaone'));
    const other = runs('ninjaone', NOW, { seed: 'another' });
    expect(other[0]?.run_id).not.toBe(runs('ninjaone')[0]?.run_id);
  });

  it('counts per integration over 30 days follow each cadence', () => {
    expect(runs('connectwise')).toHaveLength(2880);
    expect(runs('halopsa')).toHaveLength(1440);
    expect(runs('ninjaone')).toHaveLength(1440);
    expect(runs('datto_rmm')).toHaveLength(720);
    expect(runs('itglue')).toHaveLength(720);
    expect(runs('hudu')).toHaveLength(120);
  });

  it('a busy tenant: every known integration syncs, at one cadence when asked, each its own runs', () => {
    const busy = createDemoTenant({
      seed: SEED,
      referenceTime: NOW,
      cadenceMinutes: 5,
      everyIntegrationSyncs: true,
    });
    const query = { since: NOW - 7 * DAY, until: NOW, after: null, limit: 1_000_000, now: NOW };
    for (const name of ['connectwise', 'autotask', 'kaseya_vsa_x', 'confluence', 'pax8']) {
      expect(busy.availability(name)).toBe('syncing');
      expect(busy.listRuns(name, query).runs).toHaveLength(7 * 288);
    }
    expect(busy.listRuns('autotask', query).runs[0]?.run_id).not.toBe(
      busy.listRuns('connectwise', query).runs[0]?.run_id,
    );
    expect(busy.availability('not_an_integration')).toBe('unknown');
    // The demo tenant itself is unchanged.
    expect(createDemoTenant({ seed: SEED, referenceTime: NOW }).availability('pax8')).toBe(
      'does_not_sync',
    );
  });

  it('history reaches back the configured number of days, not further', () => {
    const tenant = createDemoTenant({ seed: SEED, referenceTime: NOW, historyDays: 35 });
    const page = (since: number) =>
      tenant.listRuns('hudu', {
        since,
        until: since + 30 * DAY,
        after: null,
        limit: 1e6,
        now: NOW,
      });
    const oldest = page(NOW - 40 * DAY).runs.at(-1);
    expect(start(oldest as SyncRun)).toBeGreaterThanOrEqual(NOW - 35 * DAY);
    expect(start(oldest as SyncRun)).toBeLessThan(NOW - 35 * DAY + 7 * HOUR);
  });
});

describe('scenarios', () => {
  it('counts are realistic: small increments, everything on the nightly full resync', () => {
    const connectwise = runs('connectwise');
    for (const run of connectwise.filter((r) => r.status === 'SUCCESS')) {
      for (const activity of run.activities)
        expect(activity.synced_count).toBeLessThanOrEqual(activity.total_count);
    }
    const contacts = connectwise[0]?.activities.find((a) => a.activity_label === 'PSA Contacts');
    expect(contacts?.total_count).toBeGreaterThan(2000);
    const full = connectwise.filter(
      (r) => r.activities.length > 0 && r.activities.every((a) => a.synced_count === a.total_count),
    );
    expect(full.length).toBeGreaterThanOrEqual(27); // a nightly slot can be skipped
    expect(full.length).toBeLessThanOrEqual(31);
  });

  it('Datto RMM: one run stuck RUNNING since ~9 h ago, then skips, some without a start', () => {
    const datto = runs('datto_rmm');
    const running = datto.filter((r) => r.status === 'RUNNING');
    expect(running).toHaveLength(1);
    const stuck = running[0] as SyncRun;
    expect(stuck.finished_at).toBeNull();
    expect(Math.abs(start(stuck) - (NOW - 9 * HOUR))).toBeLessThan(HOUR);
    const after = datto.slice(0, datto.indexOf(stuck));
    expect(after.length).toBeGreaterThanOrEqual(8);
    for (const run of after) {
      expect(run.status).toBe('SKIPPED');
      expect(run.dashboard_message).toBe(SKIPPED_STILL_RUNNING);
    }
    expect(after.some((r) => r.started_at === null)).toBe(true);
    expect(after.some((r) => r.started_at !== null)).toBe(true);
    // Three days later it is still stuck, and still everything after it is skipped.
    const later = runs('datto_rmm', NOW + 3 * DAY);
    expect(later.find((r) => r.run_id === stuck.run_id)?.status).toBe('RUNNING');
    expect(later[0]?.status).toBe('SKIPPED');
  });

  it('HaloPSA: a permission failure on Ticket Types since ~4 days ago, healthy before', () => {
    const onset = halopsaFailureOnset({ seed: SEED, referenceTime: NOW });
    expect(onset).toBeLessThanOrEqual(NOW - 4 * DAY);
    expect(onset).toBeGreaterThan(NOW - 4 * DAY - 3 * HOUR);
    const halo = runs('halopsa').filter((r) => r.status !== 'RUNNING');
    const before = halo.filter((r) => start(r) < onset - HOUR);
    const since = halo.filter((r) => start(r) > onset + HOUR);
    expect(before.every((r) => r.status === 'SUCCESS')).toBe(true);
    expect(since.length).toBeGreaterThan(180);
    for (const run of since) {
      expect(run.status).toBe('FAILURE');
      const metadata = run.activities.find((a) => a.activity_label === 'PSA Metadata');
      expect(metadata?.failures).toEqual([
        expect.objectContaining({
          resource_label: 'Ticket Types',
          parent_label: 'Board: Service Desk (444)',
          reason: 'permission_denied',
        }),
      ]);
    }
  });

  it('NinjaOne: ~15% rate-limited runs with a retry-after; unmapped devices on one organisation', () => {
    const ninja = runs('ninjaone');
    const limited = ninja.filter((r) => r.status === 'FAILURE');
    expect(limited.length / ninja.length).toBeGreaterThan(0.1);
    expect(limited.length / ninja.length).toBeLessThan(0.2);
    for (const run of limited) {
      const devices = run.activities.find((a) => a.activity_label === 'RMM Devices');
      expect(devices?.failures[0]?.reason).toBe('rate_limited');
      expect(devices?.failures[0]?.error_message).toMatch(/Retry-After: \d+ s/);
    }
    const unmapped = ninja
      .flatMap((r) => r.activities.flatMap((a) => a.failures))
      .filter((f) => f.reason === 'unmapped_company');
    expect(unmapped.length).toBeGreaterThan(0);
    expect(new Set(unmapped.map((f) => f.parent_label))).toEqual(
      new Set([`Organization: ${UNMAPPED_ORGANIZATION}`]),
    );
  });

  it('ConnectWise skips now and then with a message; IT Glue times out on Documents', () => {
    const skipped = runs('connectwise').filter((r) => r.status === 'SKIPPED');
    expect(skipped.length).toBeGreaterThan(10);
    expect(skipped.every((r) => r.dashboard_message?.startsWith('Skipped:'))).toBe(true);
    const timeouts = runs('itglue').filter((r) => r.status === 'FAILURE');
    expect(timeouts.length).toBeGreaterThan(5);
    expect(
      timeouts.every((r) => r.activities.some((a) => a.failures[0]?.reason === 'timeout')),
    ).toBe(true);
    expect(runs('hudu').every((r) => r.status === 'SUCCESS')).toBe(true);
  });

  it('some runs have no Temporal ids', () => {
    const all = runs('connectwise');
    expect(all.some((r) => r.temporal_run_id === null && r.temporal_workflow_id === null)).toBe(
      true,
    );
    expect(all.filter((r) => r.temporal_run_id !== null).length).toBeGreaterThan(2700);
  });
});

describe('time moves', () => {
  it('a RUNNING run finishes later, and a new run appears on cadence', () => {
    // Find a moment when ConnectWise's newest run is in progress.
    const recent = (t: number) => runs('connectwise', t, { since: t - HOUR, until: t + 1 });
    let t = NOW;
    while (recent(t)[0]?.status !== 'RUNNING') t += MINUTE;
    const running = recent(t)[0] as SyncRun;
    expect(running.finished_at).toBeNull();
    expect(running.activities.length).toBeLessThan(5);

    const now = recent(t + 15 * MINUTE);
    const finished = now.find((r) => r.run_id === running.run_id) as SyncRun;
    expect(['SUCCESS', 'SKIPPED']).toContain(finished.status);
    expect(finished.finished_at).not.toBeNull();
    expect(now[0]?.run_id).not.toBe(running.run_id);
    expect(start(now[0] as SyncRun)).toBeGreaterThan(start(running));
  });

  it('runs that already finished never change', () => {
    const before = runs('itglue', NOW).slice(5, 50);
    const after = runs('itglue', NOW + 2 * DAY, { until: NOW }).slice(5, 50);
    expect(after).toEqual(before);
  });
});
