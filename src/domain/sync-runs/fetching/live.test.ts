import { describe, expect, it } from 'vitest';
import { makeRun, makeRunningRun } from '@/test/fixtures';
import { liveSince, mergeLiveRuns } from './live';

const at = (iso: string) => Date.parse(iso);

describe('liveSince', () => {
  it('starts at the newest run, pulled back to a run still running in the last day', () => {
    const runs = [
      makeRun({ run_id: 'new', started_at: '2026-11-29T10:00:00Z' }),
      makeRunningRun({ run_id: 'long', started_at: '2026-11-29T08:00:00Z' }),
      makeRun({ run_id: 'old', started_at: '2026-11-29T07:00:00Z' }),
    ];
    expect(liveSince(runs, at('2026-11-01T00:00:00Z'))).toBe(at('2026-11-29T08:00:00Z'));
  });

  it('ignores runs stuck for more than a day and uses the window start when there are no runs', () => {
    const runs = [
      makeRun({ run_id: 'new', started_at: '2026-11-29T10:00:00Z' }),
      makeRunningRun({ run_id: 'stuck', started_at: '2026-11-20T08:00:00Z' }),
    ];
    expect(liveSince(runs, at('2026-11-01T00:00:00Z'))).toBe(at('2026-11-29T10:00:00Z'));
    expect(liveSince([], at('2026-11-01T00:00:00Z'))).toBe(at('2026-11-01T00:00:00Z'));
  });
});

describe('mergeLiveRuns', () => {
  it('replaces runs by run_id with their newer state and adds new runs, newest first', () => {
    const base = [
      makeRunningRun({ run_id: 'b', started_at: '2026-11-29T10:00:00Z' }),
      makeRun({ run_id: 'a', started_at: '2026-11-29T09:00:00Z' }),
    ];
    const live = [
      makeRunningRun({ run_id: 'c', started_at: '2026-11-29T11:00:00Z' }),
      makeRun({ run_id: 'b', status: 'SUCCESS', started_at: '2026-11-29T10:00:00Z' }),
    ];
    const merged = mergeLiveRuns(base, [...live, live[1]!]);
    expect(merged.map((r) => [r.run_id, r.status])).toEqual([
      ['c', 'RUNNING'],
      ['b', 'SUCCESS'],
      ['a', 'SUCCESS'],
    ]);
  });
});
