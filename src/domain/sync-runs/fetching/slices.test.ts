import { describe, expect, it } from 'vitest';
import { sliceCount, splitWindow } from './slices';

describe('splitWindow', () => {
  const window = { since: '2026-11-01T00:00:00.000Z', until: '2026-12-01T00:00:00.000Z' };

  it('covers the window with contiguous slices, newest first', () => {
    const slices = splitWindow(window, 6);
    expect(slices).toHaveLength(6);
    expect(slices[0]!.until).toBe(window.until);
    expect(slices.at(-1)!.since).toBe(window.since);
    for (let i = 1; i < slices.length; i += 1) expect(slices[i]!.until).toBe(slices[i - 1]!.since);
  });

  it('uses about one slice per 5 days, at most six, and one for short windows', () => {
    expect(sliceCount(30 * 86_400_000)).toBe(6);
    expect(sliceCount(7 * 86_400_000)).toBe(1);
    expect(sliceCount(86_400_000)).toBe(1);
    expect(splitWindow(window, 1)).toEqual([{ index: 0, ...window }]);
  });
});
