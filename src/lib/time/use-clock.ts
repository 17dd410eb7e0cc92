// One shared clock for every "12 minutes ago" on the page: a single timer, running only while
// something shows a relative time, so those texts move on together without a timer each.
import { useSyncExternalStore } from 'react';

export const CLOCK_TICK_MS = 10_000;

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, CLOCK_TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** Now, to within CLOCK_TICK_MS: for relative times. */
export function useClock(): number {
  return useSyncExternalStore(subscribe, () => now);
}
