// The single fetch wrapper: bearer token, abort signal, one typed error for every failure.
import { abortableSleep } from './abortable-sleep';
import { ApiError, parseRetryAfter } from './api-error';
import {
  believedRateLimit,
  createRateGate,
  type RateLimitInfo,
  type RateUsage,
  type RequestPriority,
} from './rate-gate';
import { errorEnvelopeSchema } from './schemas';
import type { SentLog } from './sent-log';

export type TokenRequest = { forceRefresh?: boolean };
export type GetAccessToken = (request?: TokenRequest) => Promise<string>;

export type ApiResponse = {
  body: unknown;
  requestId: string | null;
  rateLimit: RateLimitInfo;
};

export type { RateLimitInfo, RateUsage, RequestPriority };
export { MAX_IN_FLIGHT } from './rate-gate';

export type HttpClient = {
  getJson(
    path: string,
    query: Record<string, string | undefined>,
    signal?: AbortSignal,
    priority?: RequestPriority,
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
  /** This tab's send times across a reload (sessionSentLog), so they are not taken for others'. */
  sentLog?: SentLog;
  now?: () => number;
  /** For tests: 0–1, spreads the moment waiting clients ask again. */
  random?: () => number;
  /** The share (0–1) of the tenant's limit this client may use in any window (the watcher's). */
  rateShare?: number;
};

/** A request that has not answered by then is treated as lost (and retried). */
export const REQUEST_TIMEOUT_MS = 30_000;

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

/** The client, and how much of its share of the tenant's window it has used (the watcher's gauge). */
export type PacedHttpClient = HttpClient & { rateUsage(): RateUsage };

export function createHttpClient(options: HttpClientOptions): PacedHttpClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl.replace(/\/+$/, '');
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? (() => Date.now());
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const gate = createRateGate({
    maxInFlight: options.maxInFlight,
    sentLog: options.sentLog,
    now,
    sleep: (ms) => sleep(ms),
    random: options.random,
    share: options.rateShare,
  });

  async function send(url: string, signal: AbortSignal | undefined, forceRefresh: boolean) {
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
    async getJson(path, query, signal, priority = 'normal') {
      const release = await gate.acquire(signal, priority);
      try {
        return await getJsonInSlot(path, query, signal);
      } finally {
        release();
      }
    },
    rateUsage: () => gate.usage(),
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
        gate.sentAgain();
        response = await send(url.toString(), signal, true);
      }
      // Bounded before anyone acts on it: a hostile header neither stops nor unleashes a client.
      const rateLimit = believedRateLimit(readRateLimit(response.headers));
      gate.observe(rateLimit);
      options.onRateLimit?.(rateLimit);
      if (!response.ok) {
        const error = await toApiError(response);
        // A 429 pauses every request of this client until the API's time: it costs the one request
        // that met it (retried once that time has passed), never the others in flight or queued.
        if (response.status === 429) gate.refused(error.retryAfterSeconds ?? 1, now());
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
