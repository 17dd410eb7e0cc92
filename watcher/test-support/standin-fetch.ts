// The stand-in's demo tenant in process, behind a fetch function and a clock the test moves: the
// watcher's HTTP client talks to it exactly as to Neo.
import {
  apiKeyAuthenticator,
  createDemoTenant,
  createStandinApi,
  toFetchResponse,
} from '../../neo-standin/core/index.ts';

export const TEST_KEY = 'neo_sk_test_watcherwatcher0001';

export function standinFetch(start: number) {
  let now = start;
  let down = false;
  let requests = 0;
  const api = createStandinApi({
    tenant: createDemoTenant({ seed: 'watcher', referenceTime: start }),
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
