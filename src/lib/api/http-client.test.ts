import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { server } from '@/test/msw-server';
import { ApiError, parseRetryAfter } from './api-error';
import { createHttpClient } from './http-client';

const BASE = 'https://api.example.test';
const PATH = '/public-api/integrations/connectwise/sync-runs';
const REQUEST_ID = '0b7e4a1c-3f2d-4e5a-9b8c-7d6e5f4a3b2c';

function errorBody(code: string, message: string) {
  return { error: { code, message }, meta: { request_id: REQUEST_ID } };
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('createHttpClient', () => {
  it('sends the bearer token and query, and returns body, request id and rate-limit headers', async () => {
    let seen: Request | undefined;
    server.use(
      http.get(`${BASE}${PATH}`, ({ request }) => {
        seen = request;
        return HttpResponse.json(
          { data: [], meta: { request_id: REQUEST_ID, timings_ms: {} } },
          {
            headers: {
              'X-Request-Id': REQUEST_ID,
              'X-RateLimit-Limit': '1200',
              'X-RateLimit-Remaining': '1187',
              'X-RateLimit-Reset': '1764400000',
            },
          },
        );
      }),
    );
    const onRateLimit = vi.fn();
    const client = createHttpClient({
      baseUrl: `${BASE}/`,
      getAccessToken: async () => 'tok-1',
      onRateLimit,
    });
    const response = await client.getJson(PATH, { page_size: '200', cursor: undefined });

    expect(seen?.headers.get('Authorization')).toBe('Bearer tok-1');
    expect(new URL(seen!.url).searchParams.get('page_size')).toBe('200');
    expect(new URL(seen!.url).searchParams.has('cursor')).toBe(false);
    expect(response.requestId).toBe(REQUEST_ID);
    expect(response.rateLimit).toEqual({ limit: 1200, remaining: 1187, resetAt: 1764400000 });
    expect(onRateLimit).toHaveBeenCalledWith(response.rateLimit);
  });

  it.each([
    [400, 'invalid_window', 'The window is longer than 30 days.'],
    [403, 'FORBIDDEN', 'Not allowed.'],
    [404, 'integration_not_connected', 'Not connected.'],
    [422, 'validation_error', 'page_size must be 1-200.'],
    [500, 'internal_error', 'Something broke.'],
  ])(
    'turns HTTP %i into an ApiError with code, message and request id',
    async (status, code, message) => {
      server.use(
        http.get(`${BASE}${PATH}`, () => HttpResponse.json(errorBody(code, message), { status })),
      );
      const client = createHttpClient({ baseUrl: BASE, getAccessToken: async () => 't' });
      const error = await caught(client.getJson(PATH, {}));
      expect(error).toMatchObject({ kind: 'http', status, code, message, requestId: REQUEST_ID });
      expect(error.isTransient).toBe(status >= 500);
    },
  );

  it('reads Retry-After on 429 and marks it transient', async () => {
    server.use(
      http.get(`${BASE}${PATH}`, () =>
        HttpResponse.json(errorBody('rate_limited', 'Too many requests.'), {
          status: 429,
          headers: { 'Retry-After': '7' },
        }),
      ),
    );
    const client = createHttpClient({ baseUrl: BASE, getAccessToken: async () => 't' });
    const error = await caught(client.getJson(PATH, {}));
    expect(error).toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfterSeconds: 7,
      isTransient: true,
    });
  });

  it('renews the token once on 401 and retries with the new one', async () => {
    const tokens: (string | null)[] = [];
    server.use(
      http.get(`${BASE}${PATH}`, ({ request }) => {
        const auth = request.headers.get('Authorization');
        tokens.push(auth);
        return auth === 'Bearer fresh'
          ? HttpResponse.json({ data: [], meta: { request_id: REQUEST_ID, timings_ms: {} } })
          : HttpResponse.json(errorBody('invalid_token', 'Token expired.'), { status: 401 });
      }),
    );
    const getAccessToken = vi.fn(async ({ forceRefresh = false } = {}) =>
      forceRefresh ? 'fresh' : 'stale',
    );
    const client = createHttpClient({ baseUrl: BASE, getAccessToken });
    await client.getJson(PATH, {});
    expect(tokens).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('gives up after one renewal: a second 401 is an error, not a loop', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}${PATH}`, () => {
        calls += 1;
        return HttpResponse.json(errorBody('invalid_token', 'Token revoked.'), { status: 401 });
      }),
    );
    const client = createHttpClient({ baseUrl: BASE, getAccessToken: async () => 't' });
    const error = await caught(client.getJson(PATH, {}));
    expect(calls).toBe(2);
    expect(error).toMatchObject({ status: 401, code: 'invalid_token' });
  });

  it('reports a gateway page that is not the API envelope with its HTTP status', async () => {
    server.use(
      http.get(
        `${BASE}${PATH}`,
        () =>
          new HttpResponse('<html>Bad gateway</html>', {
            status: 502,
            headers: { 'Content-Type': 'text/html' },
          }),
      ),
    );
    const client = createHttpClient({ baseUrl: BASE, getAccessToken: async () => 't' });
    const error = await caught(client.getJson(PATH, {}));
    expect(error).toMatchObject({ status: 502, code: 'http_502', isTransient: true });
  });

  it('reports a network failure as a transient network error', async () => {
    server.use(http.get(`${BASE}${PATH}`, () => HttpResponse.error()));
    const client = createHttpClient({ baseUrl: BASE, getAccessToken: async () => 't' });
    const error = await caught(client.getJson(PATH, {}));
    expect(error).toMatchObject({ kind: 'network', code: 'network_error', isTransient: true });
  });

  it('gives up on a request that does not answer in time, as a transient failure', async () => {
    const client = createHttpClient({
      baseUrl: BASE,
      getAccessToken: async () => 't',
      timeoutMs: 50,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)),
        ),
    });
    const error = await caught(client.getJson(PATH, {}));
    expect(error).toMatchObject({ kind: 'network', code: 'timeout', isTransient: true });
  });

  it('reports a body cut off mid-way as a transient failure, keeping its request id', async () => {
    const cutOff = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"data":[{"run_id":"r1",'));
        controller.error(new TypeError('network error'));
      },
    });
    const client = createHttpClient({
      baseUrl: BASE,
      getAccessToken: async () => 't',
      fetch: async () =>
        new Response(cutOff, { status: 200, headers: { 'X-Request-Id': REQUEST_ID } }),
    });
    const error = await caught(client.getJson(PATH, {}));
    expect(error).toMatchObject({
      kind: 'network',
      code: 'response_interrupted',
      requestId: REQUEST_ID,
      isTransient: true,
    });
  });

  it('reports a 200 whose body is not JSON as an invalid response', async () => {
    server.use(http.get(`${BASE}${PATH}`, () => new HttpResponse('not json', { status: 200 })));
    const client = createHttpClient({ baseUrl: BASE, getAccessToken: async () => 't' });
    const error = await caught(client.getJson(PATH, {}));
    expect(error).toMatchObject({ kind: 'invalid-response', code: 'invalid_response' });
  });
});

describe('rate-limit budget', () => {
  /** A client at a fixed moment that records each wait (in whole ms) instead of sleeping. */
  function clientCountingWaits(nowMs: number) {
    const waits: number[] = [];
    const client = createHttpClient({
      baseUrl: BASE,
      getAccessToken: async () => 't',
      sleep: async (ms: number) => {
        waits.push(Math.round(ms));
      },
      now: () => nowMs,
      random: () => 0,
    });
    return { client, waits };
  }

  it('sends on with plenty left, and at the reserve waits for the oldest request to leave the window', async () => {
    const nowSeconds = 1_764_400_000;
    let remaining = 700;
    server.use(
      http.get(`${BASE}${PATH}`, () => {
        remaining -= 1;
        return HttpResponse.json(
          { data: [], meta: { request_id: REQUEST_ID, timings_ms: {} } },
          {
            headers: {
              'X-RateLimit-Limit': '1200',
              'X-RateLimit-Remaining': String(remaining),
              'X-RateLimit-Reset': String(nowSeconds + 30),
            },
          },
        );
      }),
    );
    const { client, waits } = clientCountingWaits(nowSeconds * 1000);
    await client.getJson(PATH, {}); // 699 left: plenty
    await client.getJson(PATH, {});
    expect(waits).toEqual([]);
    // Other viewers used most of it: 30 left, near the reserve of 24. The next request waits until
    // the window's oldest request leaves it, 30 s from now, and then goes alone to read the budget.
    remaining = 31;
    await client.getJson(PATH, {});
    await client.getJson(PATH, {});
    expect(waits).toEqual([30_000]);
  });

  it('holds background work back before the reserve, leaving room for what people wait on', async () => {
    const nowSeconds = 1_764_400_000;
    server.use(
      http.get(`${BASE}${PATH}`, () =>
        HttpResponse.json(
          { data: [], meta: { request_id: REQUEST_ID, timings_ms: {} } },
          {
            headers: {
              'X-RateLimit-Limit': '1200',
              'X-RateLimit-Remaining': '100',
              'X-RateLimit-Reset': String(nowSeconds + 12),
            },
          },
        ),
      ),
    );
    const { client, waits } = clientCountingWaits(nowSeconds * 1000);
    await client.getJson(PATH, {});
    await client.getJson(PATH, {}, undefined, 'normal');
    expect(waits).toEqual([]);
    await client.getJson(PATH, {}, undefined, 'background');
    expect(waits).toEqual([12_000]);
  });

  it('a 429 pauses this client until Retry-After, so it costs one request and no more', async () => {
    const nowMs = 1_764_400_000_000;
    let calls = 0;
    server.use(
      http.get(`${BASE}${PATH}`, () => {
        calls += 1;
        if (calls === 1)
          return HttpResponse.json(
            { error: { code: 'rate_limited', message: 'Slow down.' }, meta: { request_id: 'r' } },
            { status: 429, headers: { 'Retry-After': '7' } },
          );
        return HttpResponse.json({ data: [], meta: { request_id: REQUEST_ID, timings_ms: {} } });
      }),
    );
    const { client, waits } = clientCountingWaits(nowMs);
    await expect(client.getJson(PATH, {})).rejects.toMatchObject({ status: 429 });
    // The next request (another page, say) waits out the same 7 s instead of meeting a 429 too.
    await client.getJson(PATH, {});
    expect(waits).toEqual([7000]);
    expect(calls).toBe(2);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(parseRetryAfter('12', now)).toBe(12);
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
