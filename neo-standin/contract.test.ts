// @vitest-environment node
// Every kind of response the stand-in sends validates against the contract's schema for its status.
import { describe, expect, it } from 'vitest';
import { DAY, MINUTE } from './core/clock.ts';
import { createDemoTenant } from './core/demo-tenant.ts';
import type { StandinResponse } from './core/envelope.ts';
import { SYNCING_PROFILES } from './core/profiles/catalog.ts';
import type { StandinApiOptions } from './core/sync-runs-endpoint.ts';
import { loadContractValidator } from './test-support/openapi-validator.ts';
import { createTestStandin, errorOf, runsPath, successOf } from './test-support/standin-client.ts';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const contract = loadContractValidator();
const tenant = createDemoTenant({ seed: 'contract', referenceTime: NOW });

const makeClient = (overrides: Partial<StandinApiOptions> = {}) =>
  createTestStandin(tenant, NOW, overrides);

/** The checks every response of the endpoint must pass, whatever its status. */
function expectContract(response: StandinResponse, status: number) {
  expect(response.status).toBe(status);
  const verdict = contract.response(status, response.body);
  expect(verdict.errors).toBe('');
  expect(verdict.valid).toBe(true);
  expect(response.headers['Content-Type']).toBe('application/json');
  const requestId = (response.body as { meta: { request_id: string } }).meta.request_id;
  expect(response.headers['X-Request-Id']).toBe(requestId);
  expect(requestId).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  for (const name of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'])
    expect(response.headers[name], name).toMatch(/^\d+$/);
}

describe('the validator is real', () => {
  it('rejects bodies that break the contract', () => {
    expect(contract.response(200, { data: [{ run_id: 'x' }], meta: {} }).valid).toBe(false);
    expect(contract.response(400, { error: { code: 'x' }, meta: {} }).valid).toBe(false);
    expect(
      contract.component('SyncRun', {
        run_id: 'r',
        temporal_run_id: null,
        temporal_workflow_id: null,
        status: 'DONE',
        started_at: 'yesterday',
        finished_at: null,
        error: null,
        dashboard_message: null,
        activities: [],
      }).valid,
    ).toBe(false);
  });
});

describe('success pages', () => {
  it('first, middle and last page of a window, and an empty window', async () => {
    const { get } = makeClient();
    const first = await get(runsPath('hudu'), { page_size: '50' });
    expectContract(first, 200);
    expect(successOf(first).meta.pagination.has_more).toBe(true);
    const middle = await get(runsPath('hudu'), {
      cursor: successOf(first).meta.pagination.next_cursor ?? '',
    });
    expectContract(middle, 200);
    expect(successOf(middle).data).toHaveLength(50);
    const last = await get(runsPath('hudu'), {
      cursor: successOf(middle).meta.pagination.next_cursor ?? '',
    });
    expectContract(last, 200);
    expect(successOf(last).meta.pagination).toEqual({ has_more: false, next_cursor: null });
    expect(successOf(last).data.length).toBeGreaterThan(0);
    expect(successOf(first).meta.timings_ms).toEqual({
      total: expect.any(Number),
      db: expect.any(Number),
    });

    const empty = await get(runsPath('hudu'), {
      since: '2020-01-01T00:00:00Z',
      until: '2020-01-02T00:00:00Z',
    });
    expectContract(empty, 200);
    expect(successOf(empty).data).toEqual([]);
    expect(successOf(empty).meta.pagination).toEqual({ has_more: false, next_cursor: null });
  });

  it('every run of every integration over 30 days matches SyncRun', async () => {
    const { get } = makeClient();
    for (const name of Object.keys(SYNCING_PROFILES)) {
      let cursor: string | undefined;
      do {
        const page = await get(runsPath(name), { page_size: '200', cursor });
        expectContract(page, 200);
        cursor = successOf(page).meta.pagination.next_cursor ?? undefined;
      } while (cursor);
    }
  });
});

describe('errors', () => {
  const cases: [label: string, query: Record<string, string>, status: number, code: string][] = [
    ['since is not ISO-8601', { since: 'yesterday' }, 400, 'invalid_parameter'],
    ['until has no time zone', { until: '2026-11-28T10:00:00' }, 400, 'invalid_parameter'],
    [
      'window longer than 30 days',
      { since: '2026-10-01T00:00:00Z', until: '2026-11-15T00:00:00Z' },
      400,
      'invalid_window',
    ],
    [
      'since after until',
      { since: '2026-11-20T00:00:00Z', until: '2026-11-10T00:00:00Z' },
      400,
      'invalid_window',
    ],
    ['garbage cursor', { cursor: 'not a cursor!' }, 400, 'invalid_cursor'],
    ['page_size 0', { page_size: '0' }, 422, 'validation_error'],
    ['page_size 201', { page_size: '201' }, 422, 'validation_error'],
    ['page_size abc', { page_size: 'abc' }, 422, 'validation_error'],
    ['page_size 1.5', { page_size: '1.5' }, 422, 'validation_error'],
  ];
  it.each(cases)('%s → %i %s', async (_label, query, status, code) => {
    const response = await makeClient().get(runsPath('connectwise'), query);
    expectContract(response, status);
    expect(errorOf(response).code).toBe(code);
  });

  it('400s name the parameter; 422 has field, constraint and what was received', async () => {
    const { get } = makeClient();
    expect(errorOf(await get(runsPath('connectwise'), { until: 'x' })).details).toMatchObject({
      parameter: 'until',
    });
    expect(errorOf(await get(runsPath('connectwise'), { page_size: '1.5' })).details).toEqual({
      field: 'page_size',
      constraint: 'integer 1–200',
      received: '1.5',
    });
    const tooLong = errorOf(
      await get(runsPath('connectwise'), {
        since: '2026-10-01T00:00:00Z',
        until: '2026-11-15T00:00:00Z',
      }),
    );
    expect(tooLong.message).toMatch(/45\.0 days; the maximum is 30 days/);
  });

  it('a tampered cursor → 400 invalid_cursor', async () => {
    const { get } = makeClient();
    const first = successOf(await get(runsPath('connectwise'), { page_size: '5' }));
    const cursor = first.meta.pagination.next_cursor ?? '';
    const decoded = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const forged = btoa(decoded.replace(',5,', ',200,'))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(forged).not.toBe(cursor);
    const response = await get(runsPath('connectwise'), { cursor: forged });
    expectContract(response, 400);
    expect(errorOf(response).code).toBe('invalid_cursor');
  });

  it('401 without credentials and with an invalid one, with a Bearer challenge', async () => {
    const { get } = makeClient();
    const missing = await get(runsPath('connectwise'), {}, { authorization: null });
    expectContract(missing, 401);
    expect(errorOf(missing).code).toBe('missing_credentials');
    expect(missing.headers['WWW-Authenticate']).toMatch(/^Bearer /);
    const invalid = await get(runsPath('connectwise'), {}, { authorization: 'Bearer neo_sk_x_no' });
    expectContract(invalid, 401);
    expect(errorOf(invalid).code).toBe('invalid_token');
    expect(invalid.headers['WWW-Authenticate']).toMatch(/^Bearer .*error="invalid_token"/);
  });

  it.each([
    ['nope', 'unknown_integration'],
    ['autotask', 'integration_not_connected'],
    ['confluence', 'integration_not_connected'],
    ['m365', 'integration_does_not_sync'],
    ['pax8', 'integration_does_not_sync'],
  ])('404 for %s → %s', async (name, code) => {
    const response = await makeClient().get(runsPath(name));
    expectContract(response, 404);
    expect(errorOf(response).code).toBe(code);
  });

  it('429 past the limit, with Retry-After; refused requests do not use up the quota', async () => {
    const { get, advance } = makeClient({ rateLimit: { limit: 2, windowMs: MINUTE } });
    const first = await get(runsPath('hudu'), { page_size: '1' });
    expect(first.headers['X-RateLimit-Remaining']).toBe('1');
    advance(30_000);
    const second = await get(runsPath('hudu'), { page_size: '1' });
    expect(second.headers['X-RateLimit-Remaining']).toBe('0');
    advance(10_000);
    const limited = await get(runsPath('hudu'), { page_size: '1' });
    expectContract(limited, 429);
    expect(errorOf(limited).code).toBe('rate_limited');
    expect(limited.headers['Retry-After']).toBe('20');
    expect(limited.headers['X-RateLimit-Reset']).toBe(String((NOW + MINUTE) / 1000));
    // The first request leaves the window at NOW + 60 s; the refused one was never counted.
    advance(21_000);
    const again = await get(runsPath('hudu'), { page_size: '1' });
    expectContract(again, 200);
    expect(again.headers['X-RateLimit-Remaining']).toBe('0');
  });

  it('injected faults: 500 internal_error and 429 rate_limited', async () => {
    const failing = await makeClient({ faults: { rate5xx: 1 } }).get(runsPath('hudu'));
    expectContract(failing, 500);
    expect(errorOf(failing).code).toBe('internal_error');
    const limited = await makeClient({ faults: { rate429: 1 } }).get(runsPath('hudu'));
    expectContract(limited, 429);
    expect(limited.headers['Retry-After']).toMatch(/^\d+$/);
  });

  it('405 for other methods and 404 not_found for other paths', async () => {
    const { get } = makeClient();
    const post = await get(runsPath('hudu'), {}, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.Allow).toBe('GET');
    const other = await get('/public-api/integrations');
    expect(other.status).toBe(404);
    expect(errorOf(other).code).toBe('not_found');
    expect(contract.response(404, other.body).valid).toBe(true);
  });

  it('windows default to the 30 days before now', async () => {
    const { get } = makeClient();
    const page = successOf(await get(runsPath('hudu'), { page_size: '200' }));
    const starts = page.data.map((run) => Date.parse(run.started_at ?? ''));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(NOW - 30 * DAY);
    expect(Math.max(...starts)).toBeLessThanOrEqual(NOW);
  });
});
