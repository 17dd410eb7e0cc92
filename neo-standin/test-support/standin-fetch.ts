// The stand-in's demo tenant in process, behind a fetch function and a clock the test moves: an
// HTTP client (the watcher's, the dashboard's model under test) talks to it exactly as to Neo.
import { createHttpClient } from '../../src/lib/api/http-client.ts';
import {
  apiKeyAuthenticator,
  createDemoTenant,
  createStandinApi,
  toFetchResponse,
} from '../core/index.ts';

export const TEST_KEY = 'neo_sk_test_watcherwatcher0001';

/** `seed` picks the demo tenant's random details (each suite keeps its own). */
export function standinFetch(start: number, { seed = 'watcher' }: { seed?: string } = {}) {
  let now = start;
  let down = false;
  let requests = 0;
  const api = createStandinApi({
    tenant: createDemoTenant({ seed, referenceTime: start }),
    authenticate: apiKeyAuthenticator([TEST_KEY]),
    now: () => now,
  });
  const fetch: typeof globalThis.fetch = async (input, init) => {
    requests += 1;
    if (down) throw new TypeError('fetch failed');
    const headers = new Headers(init?.headers);
    return toFetchResponse(await api.handle({ method: 'GET', url: String(input), headers }));
  };
  return {
    fetch,
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    setDown(value: boolean) {
      down = value;
    },
    requests: () => requests,
    countRuns: (name: string, since: number, until: number) => api.countRuns(name, since, until),
  };
}

/** The dashboard's and the watcher's HTTP client, talking to `api` with TEST_KEY, never waiting. */
export function standinClient(api: ReturnType<typeof standinFetch>) {
  return createHttpClient({
    baseUrl: 'http://standin.test',
    getAccessToken: async () => TEST_KEY,
    fetch: api.fetch,
    now: api.now,
    sleep: async () => {},
  });
}
