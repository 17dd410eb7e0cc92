import { describe, expect, it } from 'vitest';
import type { SyncRun } from '@/lib/api/schemas';
import { makeRun, quarterHourRun } from '@/test/fixtures';
import { HEALTH_RANK, integrationHealth, isHealthProblem, type HealthState } from './health';

const MIN = 60_000;
const T0 = Date.parse('2026-11-28T00:00:00Z');
const failure = {
  resource_label: 'Ticket Types',
  parent_label: 'Board 444',
  reason: 'permission_denied',
  error_message: '403',
};

function run(
  i: number,
  status: SyncRun['status'] = 'SUCCESS',
  failures: (typeof failure)[] = [],
): SyncRun {
  const activity = { activity_label: 'PSA Metadata', synced_count: 1, total_count: 9, failures };
  return quarterHourRun(i, { t0: T0, status, activity });
}

const healthy = Array.from({ length: 12 }, (_, i) => run(i));
const lastStart = T0 + 11 * 15 * MIN;

describe('integrationHealth', () => {
  it('is healthy when runs keep their cadence without open failures', () => {
    expect(integrationHealth(healthy, lastStart + 5 * MIN)).toEqual({
      state: 'healthy',
      reason: 'Syncing every 15 min, no open failures.',
    });
  });

  it('is delayed when the next run is overdue, and not running after several cadences', () => {
    expect(integrationHealth(healthy, lastStart + 25 * MIN)).toEqual({
      state: 'delayed',
      reason: 'Last run 25 min ago; expected every 15 min.',
    });
    expect(integrationHealth(healthy, lastStart + 120 * MIN)).toEqual({
      state: 'not-running',
      reason: 'No sync for 2 h (normally every 15 min).',
    });
  });

  it('is failing with the open failure as the reason', () => {
    const runs = healthy.map((r, i) => (i >= 9 ? run(i, 'FAILURE', [failure]) : r));
    expect(integrationHealth(runs, lastStart + 5 * MIN)).toEqual({
      state: 'failing',
      reason: 'Ticket Types (Board 444): permission_denied in 3 runs.',
    });
  });

  it('counts a failure of one run in the singular', () => {
    const runs = healthy.map((r, i) => (i === 11 ? run(i, 'FAILURE', [failure]) : r));
    expect(integrationHealth(runs, lastStart + 5 * MIN)).toEqual({
      state: 'failing',
      reason: 'Ticket Types (Board 444): permission_denied in 1 run.',
    });
  });

  it('tells which states are a problem: all but healthy and unknown', () => {
    const problems = Object.keys(HEALTH_RANK).filter((s) => isHealthProblem(s as HealthState));
    expect(problems).toEqual(['not-running', 'failing', 'suspicious', 'delayed', 'inactive']);
  });

  it('is not running when a run is stuck and the later ones are skipped', () => {
    const runs = [
      ...healthy.slice(0, 4),
      run(4, 'RUNNING'),
      ...Array.from({ length: 7 }, (_, i) => run(5 + i, 'SKIPPED')),
    ];
    // Run 4 started 7 × 15 + 5 minutes before now.
    expect(integrationHealth(runs, lastStart + 5 * MIN)).toEqual({
      state: 'not-running',
      reason: 'A run has been running for 110 min; later runs are skipped.',
    });
  });
});

describe('integrationHealth and unusual activity', () => {
  it('calls a sync that succeeds but finds nothing "suspicious", with the finding as its reason', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    const runs = Array.from({ length: 40 }, (_, i) => {
      const start = now - (i + 1) * 15 * 60_000;
      return makeRun({
        run_id: `r${i}`,
        started_at: new Date(start).toISOString(),
        finished_at: new Date(start + 60_000).toISOString(),
        activities: [
          {
            activity_label: 'PSA Contacts',
            synced_count: 1,
            total_count: i < 10 ? 0 : 3000,
            failures: [],
          },
        ],
      });
    });
    expect(integrationHealth(runs, now)).toEqual({
      state: 'suspicious',
      reason:
        'PSA Contacts has found 0 records in each of the last 10 runs since Nov 29, 09:30 UTC; it usually finds about 3,000.',
    });
    // The overview's order, worst first: a suspicious card sits after failing ones, before delayed.
    const worstFirst = Object.entries(HEALTH_RANK)
      .sort(([, a], [, b]) => a - b)
      .map(([state]) => state);
    expect(worstFirst).toEqual([
      'not-running',
      'failing',
      'suspicious',
      'delayed',
      'unknown',
      'healthy',
      'inactive',
    ]);
  });
});
