// A virtual clock for tests of waiting code: `sleep` parks a timer, and `run`/`runUntil` move time
// from one timer to the next, letting every promise (and body read) settle in between.
export function virtualClock(start = 1_764_400_000_000) {
  let t = start;
  const timers: { at: number; seq: number; wake: () => void }[] = [];
  let seq = 0;
  // Node's setImmediate (the app's types know no Node): lets every promise and body read settle.
  const { setImmediate } = globalThis as unknown as { setImmediate: (run: () => void) => void };
  const settle = async () => {
    for (let i = 0; i < 8; i += 1) await new Promise<void>((r) => setImmediate(r));
  };
  /** Wakes the earliest timer due by `limit`; false when there is none. */
  const wakeNext = (limit: number) => {
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = timers[0];
    if (!next || next.at > limit) return false;
    timers.shift();
    t = Math.max(t, next.at);
    next.wake();
    return true;
  };
  return {
    now: () => t,
    sleep: (ms: number) =>
      new Promise<void>((wake) => timers.push({ at: t + Math.max(0, ms), seq: seq++, wake })),
    /** Runs timers in order until `done` holds; throws when none is left first. */
    async run(done: () => boolean) {
      for (;;) {
        await settle();
        if (done()) return;
        if (!wakeNext(Infinity)) throw new Error('nothing left to run, and not done');
      }
    },
    /** Runs timers in order until the clock reaches `until` (or nothing is left to run). */
    async runUntil(until: number) {
      for (;;) {
        await settle();
        if (!wakeNext(until)) return;
      }
    },
  };
}

export type VirtualClock = ReturnType<typeof virtualClock>;
