// A tiny in-process client for tests: calls the core endpoint the way an HTTP client would.
import { apiKeyAuthenticator } from '../core/authenticators.ts';
import type { DemoTenant } from '../core/demo-tenant.ts';
import type { StandinResponse } from '../core/envelope.ts';
import {
  createStandinApi,
  type StandinApi,
  type StandinApiOptions,
} from '../core/sync-runs-endpoint.ts';
import type { SyncRun } from '../core/types.ts';

export const TEST_API_KEY = 'neo_sk_test_0123456789abcdefABCDEF';

export type SuccessBody = {
  data: SyncRun[];
  meta: {
    request_id: string;
    timings_ms: Record<string, number>;
    pagination: { has_more: boolean; next_cursor: string | null };
  };
};

export type ErrorBody = {
  error: { code: string; message: string; details?: Record<string, unknown> };
  meta: { request_id: string };
};

/** A response's body as a page of runs. */
export const successOf = (response: StandinResponse) => response.body as SuccessBody;
/** A response's body as Neo's error envelope: its error. */
export const errorOf = (response: StandinResponse) => (response.body as ErrorBody).error;

export function createTestClient(
  api: StandinApi,
  authorization: string | null = `Bearer ${TEST_API_KEY}`,
) {
  return async function get(
    path: string,
    query: Record<string, string | undefined> = {},
    init: { method?: string; authorization?: string | null } = {},
  ): Promise<StandinResponse> {
    const url = new URL(path, 'https://api.neoagent.io');
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, value);
    const auth = init.authorization === undefined ? authorization : init.authorization;
    const headers: Record<string, string> = auth === null ? {} : { Authorization: auth };
    return api.handle({ method: init.method ?? 'GET', url: url.toString(), headers });
  };
}

/**
 * The stand-in over `tenant`, accepting TEST_API_KEY, on a test clock that starts at `start` and
 * moves only with `advance`; `get` asks it as a client with that key.
 */
export function createTestStandin(
  tenant: DemoTenant,
  start: number,
  overrides: Partial<StandinApiOptions> = {},
) {
  let now = start;
  const api = createStandinApi({
    tenant,
    authenticate: apiKeyAuthenticator([TEST_API_KEY]),
    now: () => now,
    ...overrides,
  });
  return { get: createTestClient(api), advance: (ms: number) => (now += ms) };
}

export const runsPath = (name: string) => `/public-api/integrations/${name}/sync-runs`;
