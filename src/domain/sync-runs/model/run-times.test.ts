import { describe, expect, it } from 'vitest';
import { runDurationMs, runFinishMs, runStartMs } from './run-times';

const run = (started_at: string | null, finished_at: string | null) => ({
  started_at,
  finished_at,
});

describe('run times', () => {
  it('reads ISO timestamps with any offset as the same instant', () => {
    expect(runStartMs(run('2026-11-01T10:00:00Z', null))).toBe(Date.UTC(2026, 10, 1, 10));
    expect(runFinishMs(run(null, '2026-11-01T11:00:00+01:00'))).toBe(Date.UTC(2026, 10, 1, 10));
  });

  it('gives null for missing or unreadable times, never a made-up date', () => {
    expect(runStartMs(run(null, null))).toBeNull();
    expect(runStartMs(run('yesterday-ish', null))).toBeNull();
  });

  it('measures a finished run to its end and an unfinished one to now', () => {
    const start = '2026-11-01T10:00:00Z';
    expect(runDurationMs(run(start, '2026-11-01T10:02:30Z'), 0)).toBe(150_000);
    expect(runDurationMs(run(start, null), Date.UTC(2026, 10, 1, 10, 1))).toBe(60_000);
    expect(runDurationMs(run(null, '2026-11-01T10:02:30Z'), 0)).toBeNull();
    // A clock skew that finishes a run before it started is not a negative duration.
    expect(runDurationMs(run(start, '2026-11-01T09:59:00Z'), 0)).toBe(0);
  });
});
