// The single fetch wrapper: bearer token, abort signal, one typed error for every failure.
import { abortableSleep } from './abortable-sleep';
import { ApiError, parseRetryAfter } from './api-error';
import { createSlots } from './request-slots';
import { errorEnvelopeSchema } from './schemas';

export type TokenRequest = { forceRefresh?: boolean };
export type GetAccessToken = (request?: TokenRequest) => Promise<string>;

export type RateLimitInfo = {
  limit: number | null;
  remaining: number | null;
  /** Unix epoch seconds when the window frees up. */
  resetAt: number | null;
};

export type ApiResponse = {
  body: unknown;
  requestId: string | null;
  rateLimit: RateLimitInfo;
};

export type HttpClient = {
  getJson(
    path: string,
    query: Record<string, string | undefined>,
    signal?: AbortSignal,
  ): Promise<ApiResponse>;
};

export type HttpClientOptions = {
  baseUrl: string;
  getAccessToken: GetAccessToken;
  fetch?: typeof fetch;
  /** Called with every response's rate-limit headers. */
  onRateLimit?: (info: RateLimitInfo) => void;
  /** How long one request may take before it counts as lost (default 30 s). */
  timeoutMs?: number;
  /** For tests: how to wait (it must give up when the signal aborts). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Requests in flight at once (default MAX_IN_FLIGHT). */
  maxInFlight?: number;
  now?: () => number;
};

/** A request that has not answered by then is treated as lost (and retried). */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Requests in flight at once per client, whoever asks (every window, every overview card, the live
 * refresh): the browser's six connections per host, and a polite share of the tenant's limit.
 */
export const MAX_IN_FLIGHT = 6;

/** Requests kept in reserve for the rest of the tenant (other tabs, scripts): we pause before them. */
export function rateLimitReserve(limit: number | null): number {
  return Math.max(5, Math.ceil((limit ?? 1200) * 0.02));
}

/**
 * The tenant's budget is shared by every viewer, and each reads the same X-RateLimit-Remaining:
 * below this share of the limit, a client spreads its requests over the time to the reset.
 */
export const PACING_SHARE = 0.25;
/** A pacing client takes at most this part of what is left, leaving the rest to the others. */
export const PACING_TAKE = 0.25;

/**
 * How long to wait before the next request, given the budget last reported: nothing while plenty
 * is left; below PACING_SHARE of the limit, an even spread of PACING_TAKE of what is left over the
 * time to the reset (so several clients slowing down together still fit); at the reserve, the
 * reset itself. Pure, for the tests.
 */
export function paceDelay(budget: RateLimitInfo, now: number): number {
  const { remaining, resetAt, limit } = budget;
  if (remaining === null || resetAt === null) return 0;
  const untilReset = resetAt * 1000 - now;
  if (untilReset <= 0) return 0;
  const reserve = rateLimitReserve(limit);
  if (remaining <= reserve) return untilReset;
  const soft = Math.max(reserve * 4, (limit ?? 1200) * PACING_SHARE);
  if (remaining > soft) return 0;
  // Never past the reset: the budget is whole again then.
  return Math.min(untilReset, untilReset / Math.max(1, (remaining - reserve) * PACING_TAKE));
}

function headerNumber(headers: Headers, name: string): number | null {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function readRateLimit(headers: Headers): RateLimitInfo {
  return {
    limit: headerNumber(headers, 'X-RateLimit-Limit'),
    remaining: headerNumber(headers, 'X-RateLimit-Remaining'),
    resetAt: headerNumber(headers, 'X-RateLimit-Reset'),
  };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await readBody(response).catch(() => undefined);
  const envelope = errorEnvelopeSchema.safeParse(body);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const headerRequestId = response.headers.get('X-Request-Id');
  if (envelope.success) {
    return new ApiError({
      kind: 'http',
      status: response.status,
      code: envelope.data.error.code,
      message: envelope.data.error.message,
      requestId: envelope.data.meta?.request_id ?? headerRequestId,
      retryAfterSeconds,
      details: envelope.data.error.details ?? null,
    });
  }
  // Not Neo's envelope: a proxy, gateway or load balancer answered.
  return new ApiError({
    kind: 'http',
    status: response.status,
    code: `http_${response.status}`,
    message: `The API answered HTTP ${response.status} ${response.statusText}`.trim() + '.',
    requestId: headerRequestId,
    retryAfterSeconds,
  });
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl.replace(/\/+$/, '');
  const sleep = options.sleep ?? abortableSleep;
  const slots = createSlots(options.maxInFlight ?? MAX_IN_FLIGHT);
  const now = options.now ?? (() => Date.now());
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  // The tenant's shared budget as last reported, counted down by what we send meanwhile.
  let budget: RateLimitInfo = { limit: null, remaining: null, resetAt: null };

  // The earliest moment the next request may go out while pacing: requests waiting together leave
  // one after another, not all at once when their waits end.
  let nextSendAt = 0;

  /** Slows down before the tenant's shared limit runs out, instead of running into 429s. */
  async function waitForBudget(signal: AbortSignal | undefined) {
    const at = now();
    const delay = paceDelay(budget, at);
    if (delay <= 0 && nextSendAt <= at) return;
    const reserve = budget.remaining !== null && budget.remaining <= rateLimitReserve(budget.limit);
    // Paced requests queue one behind the other, but never past the reset (a new budget then).
    const resetMs = budget.resetAt !== null ? budget.resetAt * 1000 : Infinity;
    const sendAt = reserve
      ? at + delay
      : Math.min(Math.max(at, nextSendAt) + delay, Math.max(at, resetMs));
    nextSendAt = sendAt;
    const wait = Math.min(sendAt - at, 60_000);
    // Leaving the page (the query's signal) ends the wait: nothing is sent for a view nobody sees.
    if (wait > 0) await sleep(wait, signal);
    if (reserve) budget = { ...budget, remaining: null };
  }

  async function send(url: string, signal: AbortSignal | undefined, forceRefresh: boolean) {
    await waitForBudget(signal);
    if (budget.remaining !== null) budget = { ...budget, remaining: budget.remaining - 1 };
    const token = await options.getAccessToken({ forceRefresh });
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      return await doFetch(url, {
        method: 'GET',
        headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        credentials: 'omit',
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      if (timeout.aborted)
        throw new ApiError({
          kind: 'network',
          code: 'timeout',
          message: `The Neo API did not answer within ${Math.round(timeoutMs / 1000)} s; we will retry.`,
        });
      throw new ApiError({
        kind: 'network',
        code: 'network_error',
        message: 'The Neo API could not be reached. Check your connection; we will retry.',
      });
    }
  }

  return {
    async getJson(path, query, signal) {
      const release = await slots.acquire(signal);
      try {
        return await getJsonInSlot(path, query, signal);
      } finally {
        release();
      }
    },
  };

  async function getJsonInSlot(
    path: string,
    query: Record<string, string | undefined>,
    signal: AbortSignal | undefined,
  ): Promise<ApiResponse> {
    {
      const url = new URL(`${base}${path}`);
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined) url.searchParams.set(key, value);
      }
      let response = await send(url.toString(), signal, false);
      if (response.status === 401) {
        // One silent renewal, then give up and let the UI ask the user to sign in.
        void response.body?.cancel().catch(() => undefined);
        response = await send(url.toString(), signal, true);
      }
      const rateLimit = readRateLimit(response.headers);
      if (rateLimit.remaining !== null) budget = rateLimit;
      options.onRateLimit?.(rateLimit);
      if (!response.ok) {
        const error = await toApiError(response);
        // A 429 pauses every request of this client until the API's time: it costs the one request
        // that met it (retried once that time has passed), never the others in flight or queued.
        if (response.status === 429) {
          const seconds = error.retryAfterSeconds ?? 1;
          budget = { limit: budget.limit, remaining: 0, resetAt: now() / 1000 + seconds };
        }
        throw error;
      }
      let body: unknown;
      try {
        body = await readBody(response);
      } catch (error) {
        if (signal?.aborted) throw error;
        // The connection dropped mid-body (or the body was cut short): nothing of it is used.
        throw new ApiError({
          kind: 'network',
          code: 'response_interrupted',
          message: 'The answer from the Neo API was cut off before it was complete; we will retry.',
          requestId: response.headers.get('X-Request-Id'),
        });
      }
      if (body === undefined) {
        throw new ApiError({
          kind: 'invalid-response',
          status: response.status,
          code: 'invalid_response',
          message: 'The API answered with a body that is not JSON.',
          requestId: response.headers.get('X-Request-Id'),
        });
      }
      return { body, requestId: response.headers.get('X-Request-Id'), rateLimit };
    }
  }
}
