import { describe, expect, it } from 'vitest';
import { makeRun } from '@/test/fixtures';
import { START_OF_CHAIN } from './paging';
import { windowProgress } from './progress';
import type { RoundPage, SliceCursor } from './rounds';

const window = { since: '2026-11-01T00:00:00Z', until: '2026-11-11T00:00:00Z' };
// Two slices of five days, newest first.
const newer = { index: 0, since: '2026-11-06T00:00:00Z', until: '2026-11-11T00:00:00Z' };
const older = { index: 1, since: '2026-11-01T00:00:00Z', until: '2026-11-06T00:00:00Z' };
const open = (slice: typeof newer, cursor: string | null): SliceCursor => ({
  ...slice,
  ...START_OF_CHAIN,
  cursor,
  seen: cursor ? [cursor] : [],
});
const round = (bySlice: RoundPage['bySlice'], next: SliceCursor[]): RoundPage => ({
  bySlice,
  next,
  problems: [],
  warnings: [],
  requestIds: [],
  halts: [],
});

describe('windowProgress', () => {
  it('is 0 before the first answer and 1 when nothing is left', () => {
    expect(windowProgress(window, [])).toBe(0);
    expect(windowProgress(window, [round([], [])])).toBe(1);
  });

  it('counts the time read: a finished slice whole, an open one down to its oldest run', () => {
    // The newer slice read down to Nov 8 (two of its five days left); the older not started.
    const page = round(
      [
        {
          slice: 0,
          runs: [
            makeRun({ run_id: 'a', started_at: '2026-11-10T00:00:00Z' }),
            makeRun({ run_id: 'b', started_at: '2026-11-08T00:00:00Z' }),
          ],
        },
      ],
      [open(newer, 'c1'), open(older, null)],
    );
    expect(windowProgress(window, [page])).toBeCloseTo(0.3);

    // The newer slice done, the older read down to Nov 3.
    const later = round(
      [{ slice: 1, runs: [makeRun({ run_id: 'c', started_at: '2026-11-03T00:00:00Z' })] }],
      [open(older, 'c2')],
    );
    expect(windowProgress(window, [page, later])).toBeCloseTo(0.8);
  });

  it('does not move for runs without a usable start time, nor past the bounds', () => {
    const odd = round(
      [
        {
          slice: 0,
          runs: [
            makeRun({ run_id: 'x', started_at: null }),
            makeRun({ run_id: 'y', started_at: '2030-01-01T00:00:00Z' }),
          ],
        },
      ],
      [open(newer, 'c1'), open(older, null)],
    );
    expect(windowProgress(window, [odd])).toBe(0);
  });
});
