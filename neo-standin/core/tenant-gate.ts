// The way in: who is asking, and whether the tenant's limit lets them in. Authentication comes
// first (the limit is per tenant, and the tenant comes from the credential), then the rate limit;
// the faults injected here (expired tokens, 429s, 500s) look like real ones.
import { CONTRACT_LIMIT, RATE_WINDOW_MS } from '../../src/lib/api/rate-limit-info.ts';
import type { Authenticate, AuthResult } from './authenticators.ts';
import type { Clock } from './clock.ts';
import { problemResponse, type StandinResponse } from './envelope.ts';
import { createFaultInjector, type Fault, type FaultOptions } from './faults.ts';
import { rateLimited } from './problems.ts';
import { createRateLimiter, type RateLimitState } from './rate-limiter.ts';
import type { StandinStats } from './standin-stats.ts';

/** Callers without valid credentials share one bucket, so a flood of bad tokens is limited too. */
const UNAUTHENTICATED = 'unauthenticated';
/** What an injected 429 asks the client to wait. */
const INJECTED_RETRY_AFTER_S = 2;

export type TenantGateOptions = {
  authenticate: Authenticate;
  now: Clock;
  seed: string;
  /** Default: Neo's documented 1,200 requests per 60 s. */
  rateLimit?: { limit?: number; windowMs?: number };
  faults?: FaultOptions;
};

export type Admission =
  | { admitted: false; response: StandinResponse }
  | {
      admitted: true;
      /** Admitted yet not authenticated: answered 401 within the limit's count. */
      auth: AuthResult;
      /** The rate limit headers after this request. */
      limits: Record<string, string>;
      /** A 500 to inject instead of the answer ('none' for the real one). */
      fault: Fault;
      at: number;
    };

function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': String(Math.ceil(state.resetAt / 1000)),
  };
}

export function createTenantGate(options: TenantGateOptions, stats: StandinStats) {
  const limit = options.rateLimit?.limit ?? CONTRACT_LIMIT;
  const windowMs = options.rateLimit?.windowMs ?? RATE_WINDOW_MS;
  const limiter = createRateLimiter({ limit, windowMs });
  const nextFault = createFaultInjector({ seed: options.seed, ...options.faults });
  const tokenExpiresAfter = options.faults?.tokenExpiresAfter ?? null;
  const tokenUses = new Map<string, number>();

  /** A token "expires" after its allowance of requests, as if its lifetime had run out. */
  function tokenExpired(authorization: string | null): boolean {
    if (tokenExpiresAfter === null || !authorization) return false;
    const uses = (tokenUses.get(authorization) ?? 0) + 1;
    tokenUses.set(authorization, uses);
    return uses > tokenExpiresAfter;
  }

  async function authenticated(authorization: string | null): Promise<AuthResult> {
    const verified = await options.authenticate(authorization);
    if (!verified.ok || !tokenExpired(authorization)) return verified;
    stats.injected.expiredToken += 1;
    return { ok: false, code: 'invalid_token', message: 'The access token has expired.' };
  }

  /** A 429 when the bucket ran out or one is injected; refused requests are not counted. */
  function refusal(requestId: string, current: RateLimitState, at: number) {
    const real = current.remaining === 0;
    if (real) stats.overLimit += 1;
    else stats.injected.rateLimited += 1;
    const retryAfterS = real
      ? Math.max(1, Math.ceil((current.resetAt - at) / 1000))
      : INJECTED_RETRY_AFTER_S;
    const resetAt = real ? current.resetAt : at + retryAfterS * 1000;
    return problemResponse(
      requestId,
      rateLimited(limit, Math.round(windowMs / 1000), retryAfterS),
      rateLimitHeaders({ limit, remaining: 0, resetAt }),
    );
  }

  return async function admit(authorization: string | null, requestId: string): Promise<Admission> {
    const auth = await authenticated(authorization);
    const bucket = auth.ok ? `tenant:${auth.tenantId}` : UNAUTHENTICATED;
    const at = options.now();
    const current = limiter.peek(bucket, at);
    const fault = auth.ok ? nextFault() : 'none';
    if (current.remaining === 0 || fault === 'rate_limited')
      return { admitted: false, response: refusal(requestId, current, at) };
    const limits = rateLimitHeaders(limiter.take(bucket, at));
    return { admitted: true, auth, limits, fault, at };
  };
}
