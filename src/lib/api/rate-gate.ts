// One client's gate to the tenant's shared rate limit, by the manners of rate-manners.ts: at the
// reserve a client sends nothing until the oldest request leaves the window (X-RateLimit-Reset),
// then one request to read the budget again; given a share (the watcher's), it never sends more
// than that share of the tenant's limit in any window.

import { createOwnWindow } from './own-window';
import { believedRateLimit, RATE_WINDOW_MS, type RateLimitInfo } from './rate-limit-info';
import {
  allowedInFlight,
  MAX_IN_FLIGHT,
  othersBusy,
  wakeDelay,
  type RequestPriority,
} from './rate-manners';
import type { SentLog } from './sent-log';

export {
  believedLimit,
  believedRateLimit,
  CONTRACT_LIMIT,
  MAX_BELIEVED_LIMIT,
  RATE_WINDOW_MS,
  type RateLimitInfo,
} from './rate-limit-info';
export * from './rate-manners';

export type RateGateOptions = {
  maxInFlight?: number;
  /** This tab's send times from the page before (a reload): still in the window, and its own. */
  sentLog?: SentLog;
  now: () => number;
  /** How to wait (tests record the waits instead). */
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  /**
   * The share (0–1) of the tenant's limit this client may send in any window (the watcher's
   * `rateLimitShare`): past it a request waits until this client's oldest leaves the window.
   */
  share?: number;
};

/** This client's requests in the tenant's window, and how many its share allows (∞ without one). */
export type RateUsage = { used: number; allowed: number };

type Waiter = { grant: () => void; signal?: AbortSignal; priority: RequestPriority };

/**
 * Waits in `queue` until granted, then resolves with `release`; a request whose signal aborts
 * leaves the queue without taking a place.
 */
function waitInQueue(
  queue: Waiter[],
  signal: AbortSignal | undefined,
  priority: RequestPriority,
  release: () => void,
  next: () => void,
): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const waiter: Waiter = {
      signal,
      priority,
      grant: () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(release);
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
}

/** The waiter to grant next: normal before background, each in the order asked; aborted ones go. */
function nextWaiter(queue: Waiter[]): Waiter | undefined {
  for (let i = queue.length - 1; i >= 0; i -= 1) if (queue[i]!.signal?.aborted) queue.splice(i, 1);
  return queue.find((w) => w.priority === 'normal') ?? queue[0];
}

/**
 * The queue in front of the network: normal requests before background ones, each in the order
 * asked; a request whose page is left (its signal aborts) leaves the queue without taking a place.
 */
export function createRateGate(options: RateGateOptions) {
  const most = options.maxInFlight ?? MAX_IN_FLIGHT;
  const random = options.random ?? Math.random;
  let inFlight = 0;
  // The tenant's budget as last read, counted down by what this client sent since.
  let budget: RateLimitInfo = { limit: null, remaining: null, resetAt: null };
  const own = createOwnWindow(options);
  let busyOthers = false;
  let shareWaiting = false;
  // When the budget was last read: a read older than the window tells nothing about now.
  let readAt = Number.NEGATIVE_INFINITY;
  // After a wait: one request goes out to read the budget again.
  let probing = false;
  let sleeping = false;
  // Waits in a row that ended without room: with no believable reset, each waits twice as long.
  let waitsInARow = 0;
  const queue: Waiter[] = [];

  const allowed = (priority: RequestPriority) => {
    if (probing) return 1;
    if (!sleeping && budget.remaining !== null && options.now() - readAt >= RATE_WINDOW_MS)
      budget = { limit: budget.limit, remaining: null, resetAt: null };
    return allowedInFlight(budget, priority, most, busyOthers);
  };

  /** A request goes out: one less in the budget as last read. */
  function spend() {
    own.record();
    if (budget.remaining !== null) budget = { ...budget, remaining: budget.remaining - 1 };
  }

  function next() {
    for (let waiter = nextWaiter(queue); waiter; waiter = nextWaiter(queue)) {
      if (inFlight >= allowed(waiter.priority) || own.spent()) break;
      queue.splice(queue.indexOf(waiter), 1);
      if (!probing) waitsInARow = 0;
      inFlight += 1;
      spend();
      waiter.grant();
    }
    if (queue.length > 0 && own.spent()) waitForShare();
    else if (queue.length > 0 && inFlight === 0 && !sleeping) waitForBudget();
  }

  /** This client's share of the window is spent: wait until its oldest request leaves it. */
  function waitForShare() {
    if (shareWaiting) return;
    shareWaiting = true;
    void options.sleep(Math.max(50, own.oldestLeavesIn())).then(() => {
      shareWaiting = false;
      next();
    });
  }

  /** No room in the tenant's budget: wait, then send one request to read it again. */
  function waitForBudget() {
    sleeping = true;
    const delay = wakeDelay(budget, options.now(), random(), waitsInARow);
    waitsInARow += 1;
    void options.sleep(delay).then(() => {
      sleeping = false;
      probing = true;
      next();
    });
  }

  return {
    /** Waits for a place; call the result when the request has answered. */
    acquire(signal: AbortSignal | undefined, priority: RequestPriority): Promise<() => void> {
      if (signal?.aborted) return Promise.reject(signal.reason as Error);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        inFlight -= 1;
        next();
      };
      return waitInQueue(queue, signal, priority, release, next);
    },
    /**
     * A response's rate-limit headers, read while the request still holds its place. An answer
     * without X-RateLimit-Remaining ends a probe too: the budget counted down stands, so a client
     * that had none waits again instead of asking at once.
     */
    observe(headers: RateLimitInfo) {
      probing = false;
      // An absurd limit (0, negative, fractional, 1e9) is the contract's: it never lifts the share.
      own.tellLimit(headers.limit);
      if (headers.remaining === null) return;
      const info = believedRateLimit(headers);
      busyOthers = othersBusy(info, own.count());
      // Our other requests in flight may not be counted in it yet: count them as spent.
      budget = { ...info, remaining: (info.remaining ?? 0) - (inFlight - 1) };
      readAt = options.now();
    },
    /** A second request in the same place (the one retry after a 401): this client's too. */
    sentAgain: spend,
    usage(): RateUsage {
      return { used: own.count(), allowed: own.allowed() };
    },
    /** A 429: nothing more goes out until the API's time has passed. */
    refused(retryAfterSeconds: number, now: number) {
      probing = false;
      budget = { limit: budget.limit, remaining: 0, resetAt: now / 1000 + retryAfterSeconds };
      readAt = now;
    },
  };
}
