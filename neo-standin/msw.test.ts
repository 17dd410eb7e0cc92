// @vitest-environment jsdom
// The platform-neutral core inside MSW under jsdom, as the dashboard's unit tests use it.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anyBearerAuthenticator,
  createDemoTenant,
  createStandinApi,
  standinHandler,
} from './core/index.ts';

const BASE = 'https://api.neoagent.io';
const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const api = createStandinApi({
  tenant: createDemoTenant({ seed: 'msw', referenceTime: NOW }),
  authenticate: anyBearerAuthenticator(),
  now: () => NOW,
});
const server = setupServer(standinHandler(api, BASE));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const get = (path: string) =>
  fetch(`${BASE}${path}`, { headers: { Authorization: 'Bearer fake-token-for-tests' } });

describe('the stand-in under MSW in jsdom', () => {
  it('runs in jsdom', () => {
    expect(typeof window).toBe('object');
  });

  it('pages through a window with real Response objects and headers', async () => {
    let cursor: string | null = null;
    let runs = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const response = await get(
        `/public-api/integrations/halopsa/sync-runs?page_size=200${query}`,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBe('1200');
      const body = (await response.json()) as {
        data: unknown[];
        meta: { request_id: string; pagination: { next_cursor: string | null } };
      };
      expect(response.headers.get('x-request-id')).toBe(body.meta.request_id);
      runs += body.data.length;
      cursor = body.meta.pagination.next_cursor;
    } while (cursor);
    // 30 days at a 30-minute cadence; start-time jitter can move one run across an edge.
    expect(Math.abs(runs - 1440)).toBeLessThanOrEqual(1);
  });

  it('sends the documented 404 codes', async () => {
    const codes = [];
    for (const name of ['autotask', 'm365', 'made-up']) {
      const response = await get(`/public-api/integrations/${name}/sync-runs`);
      codes.push(((await response.json()) as { error: { code: string } }).error.code);
    }
    expect(codes).toEqual([
      'integration_not_connected',
      'integration_does_not_sync',
      'unknown_integration',
    ]);
  });
});
