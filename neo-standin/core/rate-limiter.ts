// Sliding-window rate limit per tenant (Neo: 1,200 requests per 60 s, shared by all of a tenant's
// credentials). A log of request times per key; refused requests are not logged, so they cost nothing.
export type RateLimitOptions = { limit: number; windowMs: number };

export type RateLimitState = {
  limit: number;
  remaining: number;
  /** When the oldest logged request leaves the window, i.e. the earliest time Remaining grows. */
  resetAt: number;
};

export type RateLimitDecision = RateLimitState & { allowed: boolean; retryAfterS: number };

export type RateLimiter = {
  /** Logs the request if the window has room. */
  take(key: string, now: number): RateLimitDecision;
  /** The current state without logging anything. */
  peek(key: string, now: number): RateLimitState;
};

export function createRateLimiter({ limit, windowMs }: RateLimitOptions): RateLimiter {
  const logs = new Map<string, number[]>();

  function prune(key: string, now: number): number[] {
    const log = logs.get(key) ?? [];
    let drop = 0;
    while (drop < log.length && (log[drop] as number) <= now - windowMs) drop++;
    if (drop > 0) log.splice(0, drop);
    if (!logs.has(key)) logs.set(key, log);
    return log;
  }

  function state(log: number[], now: number): RateLimitState {
    return {
      limit,
      remaining: Math.max(0, limit - log.length),
      resetAt: (log[0] ?? now) + (log.length > 0 ? windowMs : 0),
    };
  }

  return {
    take(key, now) {
      const log = prune(key, now);
      const allowed = log.length < limit;
      if (allowed) log.push(now);
      const current = state(log, now);
      const retryAfterS = allowed ? 0 : Math.max(1, Math.ceil((current.resetAt - now) / 1000));
      return { ...current, allowed, retryAfterS };
    },
    peek: (key, now) => state(prune(key, now), now),
  };
}
