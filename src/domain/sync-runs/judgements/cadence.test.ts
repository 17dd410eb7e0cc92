import { describe, expect, it } from 'vitest';
import { makeRun } from '@/test/fixtures';
import { findMissedRuns, learnCadence } from './cadence';

const MIN = 60_000;
const T0 = Date.parse('2026-11-28T00:00:00Z');
const runAt = (minutes: number, duration = 2) =>
  makeRun({
    run_id: `r${minutes}`,
    started_at: new Date(T0 + minutes * MIN).toISOString(),
    finished_at: new Date(T0 + (minutes + duration) * MIN).toISOString(),
  });

describe('learnCadence', () => {
  it('learns the interval and duration, ignoring a long outage', () => {
    const starts = [0, 15, 30, 45, 60, 75, 90, 300, 315, 330, 345];
    const result = learnCadence(starts.map((m) => runAt(m)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.cadence.intervalMs).toBe(15 * MIN);
    expect(result.cadence.intervalHighMs).toBe(15 * MIN);
    expect(result.cadence.durationMs).toBe(2 * MIN);
  });

  it('needs a handful of intervals', () => {
    expect(learnCadence([runAt(0), runAt(15), runAt(30)])).toEqual({
      ok: false,
      reason: 'not-enough-history',
      runs: 3,
    });
  });
});

describe('findMissedRuns', () => {
  it('counts expected starts inside a gap and after the last run, not ordinary jitter', () => {
    const runs = [0, 15, 31, 45, 60, 75, 135, 150].map((m) => runAt(m));
    const learned = learnCadence(runs);
    if (!learned.ok) throw new Error('expected a cadence');
    const missed = findMissedRuns(
      runs,
      learned.cadence,
      { since: T0, until: T0 + 200 * MIN },
      T0 + 200 * MIN,
    );
    expect(missed.map((m) => (m.expectedAt - T0) / MIN)).toEqual([90, 105, 120, 165, 180]);
  });
});
