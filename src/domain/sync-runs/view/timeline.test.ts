import { describe, expect, it } from 'vitest';
import { makeRun, makeRunningRun } from '@/test/fixtures';
import { buildTimeline, MAX_RUN_MARKS, timeTicks } from './timeline';

const SINCE = Date.parse('2026-11-01T00:00:00Z');
const UNTIL = Date.parse('2026-11-02T00:00:00Z');
const NOW = UNTIL;

function runsEvery(minutes: number, count: number, status: 'SUCCESS' | 'FAILURE' = 'SUCCESS') {
  return Array.from({ length: count }, (_, i) => {
    const start = SINCE + i * minutes * 60_000;
    return makeRun({
      run_id: `r${i}`,
      status,
      started_at: new Date(start).toISOString(),
      finished_at: new Date(start + 90_000).toISOString(),
    });
  });
}

describe('buildTimeline', () => {
  it('draws single runs from start to finish when there is room', () => {
    const t = buildTimeline(runsEvery(60, 24), { since: SINCE, until: UNTIL }, 1000, NOW);
    expect(t.mode).toBe('runs');
    expect(t.marks).toHaveLength(24);
    expect(t.marks[0]).toMatchObject({ start: SINCE, end: SINCE + 90_000 });
  });

  it('groups runs into buckets by status when they are denser than the pixels', () => {
    const runs = [
      ...runsEvery(1, 1200),
      makeRun({
        run_id: 'bad',
        status: 'FAILURE',
        started_at: '2026-11-01T10:00:30Z',
        finished_at: '2026-11-01T10:01:00Z',
      }),
    ];
    const t = buildTimeline(runs, { since: SINCE, until: UNTIL }, 960, NOW);
    expect(t.mode).toBe('buckets');
    expect(t.marks.length).toBeLessThanOrEqual(MAX_RUN_MARKS);
    const total = t.marks.reduce((sum, m) => sum + (m.kind === 'bucket' ? m.count : 1), 0);
    expect(total).toBe(1201);
    // The single failure keeps its own visible, clickable mark.
    const failure = t.marks.find((m) => m.status === 'FAILURE');
    expect(failure).toMatchObject({ kind: 'bucket', count: 1 });
    expect(failure?.kind === 'bucket' && failure.newest.run_id).toBe('bad');
  });

  it('draws a running run up to now and counts runs without a start time as unplaced', () => {
    const runs = [
      makeRunningRun({ run_id: 'live', started_at: '2026-11-01T23:00:00Z' }),
      makeRun({ run_id: 'queued', status: 'SKIPPED', started_at: null, finished_at: null }),
    ];
    const t = buildTimeline(runs, { since: SINCE, until: UNTIL }, 1000, NOW);
    expect(t.marks).toHaveLength(1);
    expect(t.marks[0]).toMatchObject({ end: NOW });
    expect(t.unplaced).toBe(1);
  });
});

describe('timeTicks', () => {
  it('picks a round step that gives at most the asked number of ticks', () => {
    const ticks = timeTicks(SINCE, UNTIL, 8);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks[1]! - ticks[0]!).toBe(6 * 60 * 60_000);
    expect(ticks[0]).toBe(SINCE);
  });
});
