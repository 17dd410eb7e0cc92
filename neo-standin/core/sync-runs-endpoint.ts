// GET /public-api/integrations/{name}/sync-runs, platform-neutral: the Node server and MSW both
// call `handle` with a request and send back the status, headers and JSON body it returns.
import type { Authenticate, AuthFailure } from './authenticators.ts';
import { systemClock, type Clock } from './clock.ts';
import { encodeCursor } from './cursor.ts';
import type { DemoTenant } from './demo-tenant.ts';
import { errorResponse, newRequestId, successResponse, type StandinResponse } from './envelope.ts';
import { createFaultInjector, type FaultOptions } from './faults.ts';
import { displayName, isKnownIntegration } from './integrations.ts';
import { parseListQuery } from './params.ts';
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

function decodeName(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function createStandinApi(options: StandinApiOptions): StandinApi {
  const { tenant, authenticate } = options;
  const now = options.now ?? systemClock;
  const limiter = createRateLimiter({
    limit: options.rateLimit?.limit ?? 1200,
    windowMs: options.rateLimit?.windowMs ?? 60_000,
  });
  const nextFault = createFaultInjector({ seed: tenant.seed, ...options.faults });
  const cursorSecret = `${tenant.seed}:cursor`;

  async function handle(request: StandinRequest): Promise<StandinResponse> {
    const started = performance.now();
    const requestId = newRequestId();
    const url = new URL(request.url, 'http://standin.invalid');
    const match = ENDPOINT.exec(url.pathname);
    if (!match?.[1])
      return errorResponse(requestId, 404, {
        code: 'not_found',
        message: `No such endpoint: ${url.pathname}. This stand-in serves GET /public-api/integrations/{name}/sync-runs.`,
      });

    const auth = await authenticate(header(request.headers, 'authorization'));
    const bucket = auth.ok ? `tenant:${auth.tenantId}` : UNAUTHENTICATED;
    const at = now();
    const current = limiter.peek(bucket, at);
    const fault = auth.ok ? nextFault() : 'none';
    if (current.remaining === 0 || fault === 'rate_limited') {
      // Refused requests are not counted; an injected 429 looks like a real one.
      const retryAfterS =
        current.remaining === 0 ? Math.max(1, Math.ceil((current.resetAt - at) / 1000)) : 2;
      const resetAt = current.remaining === 0 ? current.resetAt : at + retryAfterS * 1000;
      return errorResponse(
        requestId,
        429,
        {
          code: 'rate_limited',
          message: `Too many requests: the limit is ${current.limit} per ${limiterWindowS()} s for this tenant. Retry after ${retryAfterS} s.`,
          details: { limit: current.limit, retry_after_seconds: retryAfterS },
        },
        {
          ...rateLimitHeaders({ limit: current.limit, remaining: 0, resetAt }),
          'Retry-After': String(retryAfterS),
        },
      );
    }
    const limits = rateLimitHeaders(limiter.take(bucket, at));

    if (!auth.ok) return unauthorized(requestId, auth, limits);
    if (request.method.toUpperCase() !== 'GET')
      return errorResponse(
        requestId,
        405,
        { code: 'method_not_allowed', message: `${request.method} is not allowed here; use GET.` },
        { ...limits, Allow: 'GET' },
      );
    if (fault === 'internal_error')
      return errorResponse(
        requestId,
        500,
        {
          code: 'internal_error',
          message:
            'Something went wrong on our side. Retry with backoff; if it persists, quote the request id to Neo support.',
        },
        limits,
      );

    const name = decodeName(match[1]);
    const availability = name === null ? 'unknown' : tenant.availability(name);
    if (name === null || availability === 'unknown')
      return errorResponse(
        requestId,
        404,
        {
          code: 'unknown_integration',
          message: `There is no integration called "${name ?? match[1]}".`,
          details: { name: name ?? match[1] },
        },
        limits,
      );
    if (availability !== 'syncing') {
      const label = isKnownIntegration(name) ? displayName(name) : name;
      const notConnected = availability === 'not_connected';
      return errorResponse(
        requestId,
        404,
        {
          code: notConnected ? 'integration_not_connected' : 'integration_does_not_sync',
          message: notConnected
            ? `${label} is not connected for this tenant.`
            : `${label} is connected but does not run scheduled syncs.`,
          details: { name },
        },
        limits,
      );
    }

    const parsed = parseListQuery(url.searchParams, { name, now: at, secret: cursorSecret });
    if (!parsed.ok) {
      const { status, ...error } = parsed.problem;
      return errorResponse(requestId, status, error, limits);
    }
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

  function limiterWindowS(): number {
    return Math.round((options.rateLimit?.windowMs ?? 60_000) / 1000);
  }

  return { handle };
}

function unauthorized(
  requestId: string,
  auth: AuthFailure,
  limits: Record<string, string>,
): StandinResponse {
  const challenge =
    auth.code === 'missing_credentials'
      ? 'Bearer realm="neo-public-api"'
      : 'Bearer realm="neo-public-api", error="invalid_token"';
  return errorResponse(
    requestId,
    401,
    { code: auth.code, message: auth.message, details: auth.details },
    { ...limits, 'WWW-Authenticate': challenge },
  );
}
