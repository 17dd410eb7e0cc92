// A small counting semaphore for requests in flight: holders beyond the limit queue in order, and
// a holder whose page is left (its signal aborts) leaves the queue without ever taking a place.

/** At most `size` holders at once; the rest queue in order, and leave the queue when aborted. */
export function createSlots(size: number) {
  let free = size;
  const queue: { grant: () => void; signal?: AbortSignal }[] = [];
  function next() {
    while (free > 0 && queue.length > 0) {
      const waiter = queue.shift()!;
      if (waiter.signal?.aborted) continue;
      free -= 1;
      waiter.grant();
    }
  }
  return {
    async acquire(signal?: AbortSignal): Promise<() => void> {
      if (signal?.aborted) throw signal.reason;
      await new Promise<void>((resolve, reject) => {
        const waiter = {
          signal,
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(signal?.reason as Error);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        next();
      });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        free += 1;
        next();
      };
    },
  };
}
