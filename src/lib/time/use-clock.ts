// The app's one clock. Everything that shows a time that moves on ("12 minutes ago", a running run's
// elapsed time, a countdown) reads it here. Readers at the same pace share one timer, and a timer
// runs only while something reads it, so those texts move on together without a timer each.
import { useSyncExternalStore } from 'react';

/** The pace of relative times ("12 minutes ago"). */
export const CLOCK_TICK_MS = 10_000;
/** The pace of elapsed times and countdowns that show seconds. */
export const SECOND_TICK_MS = 1_000;
/** The pace of whole views that move on with time (missed runs, "expected within"). */
export const SLOW_TICK_MS = 30_000;

type Clock = { now: number; subscribe: (listener: () => void) => () => void };

const clocks = new Map<number, Clock>();

function clockAt(intervalMs: number): Clock {
  const existing = clocks.get(intervalMs);
  if (existing) return existing;
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | null = null;
  const clock: Clock = {
    now: Date.now(),
    subscribe(listener) {
      listeners.add(listener);
      if (!timer) {
        clock.now = Date.now();
        timer = setInterval(() => {
          clock.now = Date.now();
          listeners.forEach((l) => l());
        }, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
  clocks.set(intervalMs, clock);
  return clock;
}

/** Now, to within `intervalMs` (default: the pace of relative times). */
export function useClock(intervalMs: number = CLOCK_TICK_MS): number {
  const clock = clockAt(intervalMs);
  return useSyncExternalStore(clock.subscribe, () => clock.now);
}
