// GET /public-api/integrations/{name}/sync-runs, platform-neutral: the Node server and MSW both
// call `handle` with a request and send back the status, headers and JSON body it returns.
import { CONTRACT_LIMIT, RATE_WINDOW_MS } from '../../src/lib/api/rate-limit-info.ts';
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

/** What the stand-in has answered so far: for tests that check a client's behaviour. */
export type StandinStats = {
  requests: number;
  byStatus: Record<string, number>;
  /** 429s because the tenant really ran out of its limit (not injected ones). */
  overLimit: number;
  injected: { internalError: number; rateLimited: number; expiredToken: number; paging: number };
};

export type StandinApi = {
  handle(request: StandinRequest): Promise<StandinResponse>;
  stats(): StandinStats;
  /** How many runs the window holds: the stand-in's own count, without paging. */
  countRuns(name: string, since: number, until: number): number;
};

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
  const limit = options.rateLimit?.limit ?? CONTRACT_LIMIT;
  const windowMs = options.rateLimit?.windowMs ?? RATE_WINDOW_MS;
  const limiter = createRateLimiter({ limit, windowMs });
  const nextFault = createFaultInjector({ seed: tenant.seed, ...options.faults });
  const cursorSecret = `${tenant.seed}:cursor`;

  const pagingFault = options.faults?.paging ?? 'none';
  const tokenExpiresAfter = options.faults?.tokenExpiresAfter ?? null;
  const tokenUses = new Map<string, number>();
  const stats: StandinStats = {
    requests: 0,
    byStatus: {},
    overLimit: 0,
    injected: { internalError: 0, rateLimited: 0, expiredToken: 0, paging: 0 },
  };

  async function handle(request: StandinRequest): Promise<StandinResponse> {
    const response = await answer(request);
    stats.requests += 1;
    stats.byStatus[response.status] = (stats.byStatus[response.status] ?? 0) + 1;
    return response;
  }

  /** A token "expires" after its allowance of requests, as if its lifetime had run out. */
  function tokenExpired(authorization: string | null): boolean {
    if (tokenExpiresAfter === null || !authorization) return false;
    const uses = (tokenUses.get(authorization) ?? 0) + 1;
    tokenUses.set(authorization, uses);
    return uses > tokenExpiresAfter;
  }

  async function answer(request: StandinRequest): Promise<StandinResponse> {
    const started = performance.now();
    const requestId = newRequestId();
    const url = new URL(request.url, 'http://standin.invalid');
    const match = ENDPOINT.exec(url.pathname);
    if (!match?.[1]) return problemResponse(requestId, notFound(url.pathname));

    // Authenticate first: the rate limit is per tenant, and the tenant comes from the credential.
    const authorization = header(request.headers, 'authorization');
    const verified = await authenticate(authorization);
    const auth: typeof verified =
      verified.ok && tokenExpired(authorization)
        ? { ok: false, code: 'invalid_token', message: 'The access token has expired.' }
        : verified;
    if (verified.ok && !auth.ok) stats.injected.expiredToken += 1;
    const bucket = auth.ok ? `tenant:${auth.tenantId}` : UNAUTHENTICATED;
    const at = now();
    const current = limiter.peek(bucket, at);
    const fault = auth.ok ? nextFault() : 'none';
    if (current.remaining === 0 || fault === 'rate_limited') {
      // Refused requests are not counted; an injected 429 looks like a real one.
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
    const limits = rateLimitHeaders(limiter.take(bucket, at));
    const fail = (problem: Parameters<typeof problemResponse>[1]) =>
      problemResponse(requestId, problem, limits);

    if (!auth.ok) return fail(unauthorized(auth));
    if (request.method.toUpperCase() !== 'GET') return fail(methodNotAllowed(request.method));
    if (fault === 'internal_error') {
      stats.injected.internalError += 1;
      return fail(internalError());
    }

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
    const pagination: { has_more: boolean; next_cursor: string | null } = {
      has_more: nextCursor !== null,
      next_cursor: nextCursor,
    };
    let runs = page.runs;
    if (pagingFault === 'empty-pages' && after) {
      // From the second page on: nothing, "more to come", and a new cursor every time, forever.
      stats.injected.paging += 1;
      runs = [];
      pagination.has_more = true;
      pagination.next_cursor = encodeCursor(
        { name, since, until, after: { ...after, t: after.t - 1 }, pageSize },
        cursorSecret,
      );
    } else if (pagingFault === 'stale-pages' && after) {
      // From the second page on: the first page's runs again, "more to come", and a fresh cursor
      // every time, forever (progress has to be judged by new runs, not by new cursors).
      stats.injected.paging += 1;
      runs = tenant.listRuns(name, { since, until, after: null, limit: pageSize, now: at }).runs;
      pagination.has_more = true;
      pagination.next_cursor = encodeCursor(
        { name, since, until, after: { ...after, t: after.t - 1 }, pageSize },
        cursorSecret,
      );
    } else if (
      (pagingFault === 'repeat-cursor' || pagingFault === 'missing-cursor') &&
      pagination.has_more
    ) {
      stats.injected.paging += 1;
      const sentCursor = url.searchParams.get('cursor');
      if (pagingFault === 'missing-cursor') pagination.next_cursor = null;
      if (pagingFault === 'repeat-cursor' && sentCursor) pagination.next_cursor = sentCursor;
    }
    return successResponse(
      requestId,
      runs,
      {
        timings_ms: { total: round(performance.now() - started), db: round(db) },
        pagination,
      },
      limits,
    );
  }

  function countRuns(name: string, since: number, until: number): number {
    let total = 0;
    let after: Parameters<DemoTenant['listRuns']>[1]['after'] = null;
    for (;;) {
      const page = tenant.listRuns(name, { since, until, after, limit: 1000, now: now() });
      total += page.runs.length;
      if (!page.hasMore) return total;
      after = page.keys.at(-1) ?? null;
    }
  }

  return { handle, stats: () => structuredClone(stats), countRuns };
}
