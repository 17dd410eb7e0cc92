import { describe, expect, it } from 'vitest';
import type { Timeline } from '@/domain/sync-runs/view/timeline';
import { timelineKey } from './use-run-timeline';

// Drawn by lane, so out of time order: index 0 starts last, index 2 first.
const marks = [{ start: 300 }, { start: 200 }, { start: 100 }] as Timeline['marks'];

describe('timelineKey', () => {
  it('moves between marks in time order, stopping at either end', () => {
    expect(timelineKey(marks, null, 'ArrowRight')).toEqual({ move: 2 });
    expect(timelineKey(marks, 2, 'ArrowRight')).toEqual({ move: 1 });
    expect(timelineKey(marks, 0, 'ArrowRight')).toEqual({ move: 0 });
    expect(timelineKey(marks, 1, 'ArrowLeft')).toEqual({ move: 2 });
    expect(timelineKey(marks, 2, 'ArrowLeft')).toEqual({ move: 2 });
    expect(timelineKey(marks, 1, 'Home')).toEqual({ move: 2 });
    expect(timelineKey(marks, 1, 'End')).toEqual({ move: 0 });
  });

  it('selects only a mark reached by the keyboard, and Escape leaves it', () => {
    expect(timelineKey(marks, 1, 'Enter')).toBe('activate');
    expect(timelineKey(marks, 1, ' ')).toBe('activate');
    expect(timelineKey(marks, null, 'Enter')).toBeNull();
    expect(timelineKey(marks, 1, 'Escape')).toBe('leave');
    expect(timelineKey(marks, 1, 'a')).toBeNull();
  });

  it('does nothing on an empty chart', () => {
    expect(timelineKey([], null, 'ArrowRight')).toBeNull();
    expect(timelineKey([], null, 'Escape')).toBeNull();
  });
});
