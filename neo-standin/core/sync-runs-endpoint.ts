// GET /public-api/integrations/{name}/sync-runs, platform-neutral: the Node server and MSW both
// call `handle` with a request and send back the status, headers and JSON body it returns.
import { systemClock, type Clock } from './clock.ts';
import type { Authenticate } from './authenticators.ts';
import type { DemoTenant } from './demo-tenant.ts';
import {
  newRequestId,
  problemResponse,
  successResponse,
  type StandinResponse,
} from './envelope.ts';
import type { FaultOptions } from './faults.ts';
import { parseListQuery } from './params.ts';
import {
  integrationProblem,
  internalError,
  methodNotAllowed,
  notFound,
  unauthorized,
} from './problems.ts';
import { createRunListing } from './run-listing.ts';
import { emptyStats, type StandinStats } from './standin-stats.ts';
import { createTenantGate } from './tenant-gate.ts';

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

export type { StandinStats };

export type StandinApi = {
  handle(request: StandinRequest): Promise<StandinResponse>;
  stats(): StandinStats;
  /** How many runs the window holds: the stand-in's own count, without paging. */
  countRuns(name: string, since: number, until: number): number;
};

export type { StandinResponse };

const ENDPOINT = /^\/public-api\/integrations\/([^/]+)\/sync-runs$/;

function header(headers: StandinRequest['headers'], name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? null : (headers[key] ?? null);
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
  const { tenant } = options;
  const now = options.now ?? systemClock;
  const stats = emptyStats();
  const admit = createTenantGate({ ...options, now, seed: tenant.seed }, stats);
  const listing = createRunListing(tenant, options.faults?.paging ?? 'none', stats);

  async function answer(request: StandinRequest): Promise<StandinResponse> {
    const started = performance.now();
    const requestId = newRequestId();
    const url = new URL(request.url, 'http://standin.invalid');
    const match = ENDPOINT.exec(url.pathname);
    if (!match?.[1]) return problemResponse(requestId, notFound(url.pathname));

    const admission = await admit(header(request.headers, 'authorization'), requestId);
    if (!admission.admitted) return admission.response;
    const { auth, limits, fault, at } = admission;
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

    const parsed = parseListQuery(url.searchParams, {
      name,
      now: at,
      secret: listing.cursorSecret,
    });
    if (!parsed.ok) return fail(parsed.problem);
    const sentCursor = url.searchParams.get('cursor');
    const { runs, pagination, db } = listing.listPage(name, parsed.query, sentCursor, at);
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

  return {
    async handle(request) {
      const response = await answer(request);
      stats.requests += 1;
      stats.byStatus[response.status] = (stats.byStatus[response.status] ?? 0) + 1;
      return response;
    },
    stats: () => structuredClone(stats),
    countRuns: (name, since, until) => listing.countRuns(name, since, until, now),
  };
}
