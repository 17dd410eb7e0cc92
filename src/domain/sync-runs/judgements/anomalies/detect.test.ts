import { describe, expect, it } from 'vitest';
import type { SyncRun } from '@/lib/api/schemas';
import { makeRun } from '@/test/fixtures';
import { detectAnomalies } from './detect';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const MIN = 60_000;

type Shape = {
  total?: (i: number) => number;
  synced?: (i: number) => number;
  durationMs?: (i: number) => number;
  status?: (i: number) => SyncRun['status'];
  activities?: (i: number) => string[];
  /** Minutes between runs (may change along the history). */
  every?: (i: number) => number;
};

/** A deterministic wobble in [-1, 1], so noise is the same on every run of the test. */
const wobble = (i: number) => Math.sin(i * 12.9898) * 0.999;

/** `n` runs, newest first as the API lists them, the newest starting 10 minutes before NOW. */
function history(n: number, shape: Shape = {}): SyncRun[] {
  const runs: SyncRun[] = [];
  let start = NOW - 10 * MIN;
  for (let k = 0; k < n; k += 1) {
    const i = n - 1 - k; // i counts from the oldest run
    const duration = shape.durationMs?.(i) ?? 60_000 * (1 + 0.2 * wobble(i));
    const status = shape.status?.(i) ?? 'SUCCESS';
    runs.push(
      makeRun({
        run_id: `r${i}`,
        status,
        started_at: new Date(start).toISOString(),
        finished_at: status === 'RUNNING' ? null : new Date(start + duration).toISOString(),
        activities: (shape.activities?.(i) ?? ['PSA Contacts', 'PSA Companies']).map((label) => ({
          activity_label: label,
          total_count: Math.round(shape.total?.(i) ?? 4000 * (1 + 0.15 * wobble(i + 7))),
          synced_count: Math.round(shape.synced?.(i) ?? 40 * (1 + 0.5 * wobble(i + 3))),
          failures:
            status === 'FAILURE'
              ? [
                  {
                    resource_label: 'Contacts',
                    parent_label: null,
                    reason: 'timeout',
                    error_message: 'x',
                  },
                ]
              : [],
        })),
      }),
    );
    start -= (shape.every?.(i) ?? 15) * MIN;
  }
  return runs;
}

const kinds = (runs: SyncRun[]) => detectAnomalies(runs, NOW).anomalies.map((a) => a.kind);

describe('anomaly detectors stay silent on healthy histories', () => {
  it('says nothing about normal noise, a single odd run, one failure or a change of cadence', () => {
    const runs = history(96, {
      total: (i) => (i === 60 ? 0 : 4000 * (1 + 0.15 * wobble(i + 7))),
      durationMs: (i) => (i === 70 ? 600_000 : 60_000 * (1 + 0.2 * wobble(i))),
      status: (i) => (i === 80 ? 'FAILURE' : 'SUCCESS'),
      every: (i) => (i > 48 ? 5 : 15),
    });
    expect(detectAnomalies(runs, NOW)).toEqual({ anomalies: [], notEnoughHistory: false });
  });

  it('says "not enough history" instead of guessing from a few runs', () => {
    expect(detectAnomalies(history(6, { total: () => 0 }), NOW)).toEqual({
      anomalies: [],
      notEnoughHistory: true,
    });
  });

  it('ignores SKIPPED runs, which sync nothing by design', () => {
    const runs = history(40, {
      status: (i) => (i >= 34 ? 'SKIPPED' : 'SUCCESS'),
      total: (i) => (i >= 34 ? 0 : 4000),
    });
    expect(kinds(runs)).toEqual([]);
  });
});

describe('finds nothing', () => {
  it('names the activity, the streak, since when and the usual level', () => {
    const runs = history(40, {
      total: (i) => (i >= 26 ? 0 : 4000 * (1 + 0.1 * wobble(i))),
      activities: () => ['PSA Contacts'],
    });
    const [anomaly, ...rest] = detectAnomalies(runs, NOW).anomalies;
    expect(rest).toEqual([]);
    expect(anomaly).toMatchObject({ kind: 'finds-nothing', activity: 'PSA Contacts' });
    expect(anomaly!.runIds).toHaveLength(14);
    expect(anomaly!.since).toBe(runs.find((r) => r.run_id === 'r26')!.started_at);
    expect(anomaly!.sentence).toMatch(
      /^PSA Contacts has found 0 records in each of the last 14 runs since [A-Z][a-z]{2} \d+, \d\d:\d\d UTC; it usually finds about 4,\d00\.$/,
    );
  });

  it('does not speak for two empty runs in a row', () => {
    expect(kinds(history(40, { total: (i) => (i >= 38 ? 0 : 4000) }))).toEqual([]);
  });
});

describe('volume shift', () => {
  it('reports a jump that stays, not one that comes and goes', () => {
    const jump = history(40, { total: (i) => (i >= 35 ? 12_000 : 4000 * (1 + 0.1 * wobble(i))) });
    expect(detectAnomalies(jump, NOW).anomalies.map((a) => [a.kind, a.activity])).toEqual([
      ['volume-shift', 'PSA Companies'],
      ['volume-shift', 'PSA Contacts'],
    ]);
    expect(detectAnomalies(jump, NOW).anomalies[0]!.sentence).toMatch(/far more than its usual/);
    const blip = history(40, { total: (i) => (i === 35 || i === 37 ? 12_000 : 4000) });
    expect(kinds(blip)).toEqual([]);
  });
});

describe('slower runs', () => {
  it('gives the factor and since when, for several slow runs in a row', () => {
    const runs = history(40, {
      durationMs: (i) => (i >= 36 ? 228_000 : 60_000 * (1 + 0.1 * wobble(i))),
    });
    const [anomaly] = detectAnomalies(runs, NOW).anomalies;
    expect(anomaly).toMatchObject({ kind: 'slower-runs', activity: null });
    expect(anomaly!.sentence).toMatch(
      /^Runs take about 4 min, 3\.[6-9]× slower than usual \(1 min\)/,
    );
    expect(anomaly!.runIds).toEqual(['r36', 'r37', 'r38', 'r39']);
  });

  it('still finds a slowdown that has lasted a fifth of the window (it is not the new usual)', () => {
    const runs = history(100, {
      durationMs: (i) =>
        i >= 80 ? 600_000 * (1 + 0.1 * wobble(i)) : 60_000 * (1 + 0.1 * wobble(i)),
    });
    const [anomaly] = detectAnomalies(runs, NOW).anomalies;
    expect(anomaly).toMatchObject({ kind: 'slower-runs', evidence: { runs: 20 } });
    expect(anomaly!.runIds[0]).toBe('r80');
  });

  it('says so while a run is still running far past its usual duration', () => {
    const runs = history(40, { status: (i) => (i === 39 ? 'RUNNING' : 'SUCCESS') });
    // The newest run started 10 minutes before NOW; half an hour later it is still running.
    const later = detectAnomalies(runs, NOW + 30 * MIN).anomalies;
    expect(later.map((a) => a.kind)).toEqual(['long-running']);
    expect(later[0]!.sentence).toMatch(/has been running for 40 min, (39|40)× its usual 1 min/);
    expect(kinds(runs)).toEqual(['long-running']);
    expect(detectAnomalies(runs, NOW - 9 * MIN).anomalies).toEqual([]);
  });
});

describe('failure rate', () => {
  it('reports failures far more often in the recent part than before', () => {
    const runs = history(40, { status: (i) => (i >= 32 && i % 2 === 0 ? 'FAILURE' : 'SUCCESS') });
    const anomaly = detectAnomalies(runs, NOW).anomalies.find((a) => a.kind === 'failure-rate');
    expect(anomaly?.sentence).toMatch(/^40% of the last 10 runs failed .* against 0% before\.$/);
    expect(anomaly?.runIds).toEqual(['r32', 'r34', 'r36', 'r38']);
  });

  it('stays silent when failures are as common as they always were', () => {
    expect(kinds(history(40, { status: (i) => (i % 4 === 0 ? 'FAILURE' : 'SUCCESS') }))).toEqual(
      [],
    );
  });
});

describe('activity missing', () => {
  it('reports an activity that was in nearly every run and is gone from the newest', () => {
    const runs = history(40, {
      activities: (i) => (i >= 35 ? ['PSA Companies'] : ['PSA Contacts', 'PSA Companies']),
    });
    const [anomaly] = detectAnomalies(runs, NOW).anomalies;
    expect(anomaly).toMatchObject({ kind: 'activity-missing', activity: 'PSA Contacts' });
    expect(anomaly!.sentence).toMatch(
      /^PSA Contacts has not run in the last 5 runs since .*; it was in 100% of the runs before\.$/,
    );
  });

  it('does not report an activity that only sometimes runs', () => {
    const runs = history(40, {
      activities: (i) =>
        i % 3 === 0 || i >= 37 ? ['PSA Companies'] : ['PSA Contacts', 'PSA Companies'],
    });
    expect(kinds(runs)).toEqual([]);
  });
});
