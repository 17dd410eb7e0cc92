// GET /public-api/integrations/{name}/sync-runs, platform-neutral: the Node server and MSW both
// call `handle` with a request and send back the status, headers and JSON body it returns.
import type { Authenticate } from './authenticators.ts';
import { systemClock, type Clock } from './clock.ts';
import { encodeCursor } from './cursor.ts';
import type { DemoTenant } from './demo-tenant.ts';
import {
  newRequestId,
  problemResponse,
  successResponse,
  type StandinResponse,
} from './envelope.ts';
import { createFaultInjector, type FaultOptions } from './faults.ts';
import { parseListQuery } from './params.ts';
import {
  integrationProblem,
  internalError,
  methodNotAllowed,
  notFound,
  rateLimited,
  unauthorized,
} from './problems.ts';
import { createRateLimiter, type RateLimitState } from './rate-limiter.ts';

export type StandinRequest = {
  method: string;
  /** Absolute, or a path with query (`/public-api/…?page_size=200`). */
  url: string;
  headers: Headers | Record<string, string>;
};

export type StandinApiOptions = {
  tenant: DemoTenant;
  authenticate: Authenticate;
  now?: Clock;
  /** Default: Neo's documented 1,200 requests per 60 s. */
  rateLimit?: { limit?: number; windowMs?: number };
  faults?: FaultOptions;
};

export type StandinApi = { handle(request: StandinRequest): Promise<StandinResponse> };

export type { StandinResponse };

const ENDPOINT = /^\/public-api\/integrations\/([^/]+)\/sync-runs$/;
/** Callers without valid credentials share one bucket, so a flood of bad tokens is limited too. */
const UNAUTHENTICATED = 'unauthenticated';
/** What an injected 429 asks the client to wait. */
const INJECTED_RETRY_AFTER_S = 2;

function header(headers: StandinRequest['headers'], name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? null : (headers[key] ?? null);
}

function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': String(Math.ceil(state.resetAt / 1000)),
  };
}

function decodeName(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed %-escapes: no integration has such a name anyway
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function createStandinApi(options: StandinApiOptions): StandinApi {
  const { tenant, authenticate } = options;
  const now = options.now ?? systemClock;
  const limit = options.rateLimit?.limit ?? 1200;
  const windowMs = options.rateLimit?.windowMs ?? 60_000;
  const limiter = createRateLimiter({ limit, windowMs });
  const nextFault = createFaultInjector({ seed: tenant.seed, ...options.faults });
  const cursorSecret = `${tenant.seed}:cursor`;

  async function handle(request: StandinRequest): Promise<StandinResponse> {
    const started = performance.now();
    const requestId = newRequestId();
    const url = new URL(request.url, 'http://standin.invalid');
    const match = ENDPOINT.exec(url.pathname);
    if (!match?.[1]) return problemResponse(requestId, notFound(url.pathname));

    // Authenticate first: the rate limit is per tenant, and the tenant comes from the credential.
    const auth = await authenticate(header(request.headers, 'authorization'));
    const bucket = auth.ok ? `tenant:${auth.tenantId}` : UNAUTHENTICATED;
    const at = now();
    const current = limiter.peek(bucket, at);
    const fault = auth.ok ? nextFault() : 'none';
    if (current.remaining === 0 || fault === 'rate_limited') {
      // Refused requests are not counted; an injected 429 looks like a real one.
      const real = current.remaining === 0;
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
    const limits = rateLimitHeaders(limiter.take(bucket, at));
    const fail = (problem: Parameters<typeof problemResponse>[1]) =>
      problemResponse(requestId, problem, limits);

    if (!auth.ok) return fail(unauthorized(auth));
    if (request.method.toUpperCase() !== 'GET') return fail(methodNotAllowed(request.method));
    if (fault === 'internal_error') return fail(internalError());

    const name = decodeName(match[1]);
    const availability = tenant.availability(name);
    if (availability !== 'syncing') return fail(integrationProblem(name, availability));

    const parsed = parseListQuery(url.searchParams, { name, now: at, secret: cursorSecret });
    if (!parsed.ok) return fail(parsed.problem);
    const { since, until, pageSize, after } = parsed.query;
    const dbStarted = performance.now();
    const page = tenant.listRuns(name, { since, until, after, limit: pageSize, now: at });
    const db = performance.now() - dbStarted;
    const last = page.keys.at(-1);
    const nextCursor =
      page.hasMore && last
        ? encodeCursor({ name, since, until, after: last, pageSize }, cursorSecret)
        : null;
    return successResponse(
      requestId,
      page.runs,
      {
        timings_ms: { total: round(performance.now() - started), db: round(db) },
        pagination: { has_more: nextCursor !== null, next_cursor: nextCursor },
      },
      limits,
    );
  }

  return { handle };
}
