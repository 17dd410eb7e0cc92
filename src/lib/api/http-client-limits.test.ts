// The client's manners toward the tenant's shared limit: waits can be cancelled, and the whole app
// keeps at most six requests in flight (the browser's connections per host), whoever asks.
import { describe, expect, it } from 'vitest';
import { createHttpClient, MAX_IN_FLIGHT } from './http-client';

const BASE = 'https://api.example.test';
const PATH = '/public-api/integrations/connectwise/sync-runs';

const BODY = { data: [], meta: { request_id: 'r' } };

function okResponse(headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(BODY), {
    status: 200,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** The API client over `fetch`, with a token. */
const clientFetching = (fetch: typeof globalThis.fetch) =>
  createHttpClient({ baseUrl: BASE, getAccessToken: async () => 't', fetch });

/** Settles with `value`, or with 'still waiting' after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'still waiting'> {
  return Promise.race([
    promise,
    new Promise<'still waiting'>((r) => setTimeout(() => r('still waiting'), ms)),
  ]);
}

/** Waits (up to a second) until `done()` holds, then returns whether it does. */
async function until(done: () => boolean): Promise<boolean> {
  for (let i = 0; i < 200 && !done(); i += 1) await new Promise((r) => setTimeout(r, 5));
  return done();
}

describe('the API client and the shared rate limit', () => {
  it('lets a page that is left cancel its wait for the rate limit to reset', async () => {
    let fetches = 0;
    const client = clientFetching(async () => {
      fetches += 1;
      // Nothing left until a minute from now: the next request waits for the reset.
      return okResponse({
        'X-RateLimit-Limit': '1200',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + 60),
      });
    });
    expect((await client.getJson(PATH, {})).body).toEqual(BODY);
    const leaving = new AbortController();
    const waiting = client.getJson(PATH, {}, leaving.signal).then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.name : 'failed'),
    );
    await new Promise((r) => setTimeout(r, 20));
    leaving.abort();
    expect(await within(waiting, 500)).toBe('AbortError');
    expect(fetches).toBe(1);
  });

  it('keeps at most six requests in flight at once, however many are asked for', async () => {
    let inFlight = 0;
    let most = 0;
    let fetches = 0;
    const release: (() => void)[] = [];
    const client = clientFetching(() => {
      fetches += 1;
      inFlight += 1;
      most = Math.max(most, inFlight);
      return new Promise<Response>((resolve) =>
        release.push(() => {
          inFlight -= 1;
          resolve(okResponse());
        }),
      );
    });
    let settled = false;
    const all = Promise.all(Array.from({ length: 17 }, () => client.getJson(PATH, {})));
    void all.then(() => {
      settled = true;
    });
    for (let round = 0; round < 100 && !settled; round += 1) {
      await new Promise((r) => setTimeout(r, 5));
      release.splice(0).forEach((answer) => answer());
    }
    // Every one of the 17 was sent once and answered, never more than six at a time.
    expect((await all).map((answer) => answer.body)).toEqual(Array(17).fill(BODY));
    expect(fetches).toBe(17);
    expect(MAX_IN_FLIGHT).toBe(6);
    expect(most).toBe(6);
  });

  it('does not hold a place for a request that is cancelled while it waits for one', async () => {
    let fetches = 0;
    const release: (() => void)[] = [];
    const client = clientFetching(() => {
      fetches += 1;
      return new Promise<Response>((resolve) => release.push(() => resolve(okResponse())));
    });
    const first = Array.from({ length: 6 }, () => client.getJson(PATH, {}));
    expect(await until(() => fetches === 6)).toBe(true);
    const leaving = new AbortController();
    const queued = client.getJson(PATH, {}, leaving.signal).catch((error: Error) => error.name);
    // Asked after the cancelled one: it is next in line once the cancelled one has left.
    const next = client.getJson(PATH, {});
    leaving.abort();
    expect(await within(queued, 200)).toBe('AbortError');
    // One place frees: the next request is sent at once, and the cancelled one never is.
    release.shift()!();
    expect(await until(() => fetches === 7)).toBe(true);
    release.splice(0).forEach((answer) => answer());
    const answers = await Promise.all([...first, next]);
    expect(answers.map((answer) => answer.body)).toEqual(Array(7).fill(BODY));
    expect(fetches).toBe(7);
  });
});
