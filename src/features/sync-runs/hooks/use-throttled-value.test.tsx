// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useThrottledValue } from './use-throttled-value';

describe('useThrottledValue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the first value, then at most one a second, a new stage and the final value at once', () => {
    const { result, rerender } = renderHook(
      ({ value, final, stage }) => useThrottledValue(value, 1000, final, stage),
      { initialProps: { value: 1, final: false, stage: 'loading' } },
    );
    expect(result.current).toBe(1);
    rerender({ value: 2, final: false, stage: 'loading' });
    act(() => vi.advanceTimersByTime(0));
    expect(result.current).toBe(2);
    // Pages keep arriving: the view waits out the second.
    rerender({ value: 3, final: false, stage: 'loading' });
    act(() => vi.advanceTimersByTime(500));
    expect(result.current).toBe(2);
    act(() => vi.advanceTimersByTime(500));
    expect(result.current).toBe(3);
    // The card's newest page is in: shown in that same render, whatever the second says (a card's
    // health judged in that render must not see the stage before).
    rerender({ value: 4, final: false, stage: 'newest read' });
    expect(result.current).toBe(4);
    act(() => vi.advanceTimersByTime(0));
    rerender({ value: 5, final: false, stage: 'newest read' });
    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toBe(4);
    rerender({ value: 6, final: true, stage: 'newest read' });
    expect(result.current).toBe(6);
    // After the final value, a later one (a live refresh) passes at once too.
    rerender({ value: 7, final: true, stage: 'newest read' });
    expect(result.current).toBe(7);
  });
});
