// Urgent work first: while any holder is urgent (an overview card still reading its newest page),
// work that can wait (the rest of every card's week) waits. Pure: no timers, no I/O.

export type UrgentGate = {
  /** Marks one piece of urgent work as under way; call the result when it is done. */
  begin: () => () => void;
  /** Resolves when no urgent work is under way (at once if none), or rejects when aborted. */
  idle: (signal?: AbortSignal) => Promise<void>;
  /** How many urgent pieces are under way. */
  pending: () => number;
};

export function createUrgentGate(): UrgentGate {
  let urgent = 0;
  let waiters: (() => void)[] = [];
  const release = () => {
    if (urgent > 0) return;
    const ready = waiters;
    waiters = [];
    ready.forEach((wake) => wake());
  };
  return {
    begin() {
      urgent += 1;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        urgent -= 1;
        release();
      };
    },
    idle(signal) {
      if (urgent === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          waiters = waiters.filter((w) => w !== wake);
          reject(signal?.reason as Error);
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.push(wake);
      });
    },
    pending: () => urgent,
  };
}
