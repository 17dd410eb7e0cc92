// @vitest-environment node
// What the API proxy relays: only the documented sync-runs route, normalised; and what it answers.
import { beforeEach, describe, expect, it } from 'vitest';
import { request, runsPath, useFixture, UPSTREAM_HTML, UUID } from './test-support.ts';

const fx = useFixture();
beforeEach(() => {
  fx.upstream.seen.length = 0;
});

type Envelope = { error: { code: string; message: string }; meta: { request_id: string } };

function envelope(text: string): Envelope {
  const body = JSON.parse(text) as Envelope;
  expect(body.meta.request_id).toMatch(UUID);
  expect(typeof body.error.message).toBe('string');
  return body;
}

describe('API proxy: routes', () => {
  it('relays only GET|HEAD /public-api/integrations/<one segment>/sync-runs', async () => {
    const others = [
      '/public-api',
      '/public-api/',
      '/public-api/tenant',
      '/public-api/api-keys?page_size=5',
      '/public-api/integrations',
      '/public-api/integrations/',
      '/public-api/integrations/halopsa',
      '/public-api/integrations/halopsa/sync-runs/extra',
      '/public-api/integrations/halopsa/sync-runs/',
      '/public-api/integrations/halopsa/settings',
      '/public-api/integrations/a/b/sync-runs',
      '/public-api/integrations/halopsa/SYNC-RUNS',
    ];
    for (const path of others) {
      const res = await request(fx.port, path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type'], path).toBe('application/json; charset=utf-8');
      expect(envelope(res.text).error.code, path).toBe('not_found');
    }
    expect(fx.upstream.seen).toEqual([]);

    const head = await request(fx.port, runsPath('halopsa', '?page_size=5'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const get = await request(fx.port, runsPath('halopsa', '?page_size=5'));
    expect(JSON.parse(get.text)).toMatchObject({ method: 'GET' });
    expect(fx.upstream.seen).toEqual([
      runsPath('halopsa', '?page_size=5'),
      runsPath('halopsa', '?page_size=5'),
    ]);
  });

  it('relays the normalised path: the name decoded and percent-encoded whole', async () => {
    const cases: [string, string][] = [
      [runsPath('halo%70sa'), runsPath('halopsa')],
      [runsPath('HaloPSA'), runsPath('HaloPSA')],
      [runsPath('a%20b'), runsPath('a%20b')],
      [runsPath('caf%C3%A9'), runsPath('caf%C3%A9')],
      [runsPath('a%3Fb', '?x=1'), runsPath('a%3Fb', '?x=1')],
      [runsPath('a!b'), runsPath('a!b')],
    ];
    for (const [asked, relayed] of cases) {
      const res = await request(fx.port, asked);
      expect(res.status, asked).toBe(200);
      expect((JSON.parse(res.text) as { url: string }).url, asked).toBe(relayed);
    }
  });

  it('refuses traversal attempts with a 4xx and relays none of them', async () => {
    const attempts = [
      '/public-api/integrations/../x',
      '/public-api/integrations/../../config.json',
      '/public-api/integrations/..',
      '/public-api/../public-api/integrations/halopsa/sync-runs',
      '/public-api/integrations/./halopsa/sync-runs',
      runsPath('..'),
      runsPath('.'),
      runsPath('%2e%2e'),
      runsPath('%2E%2E'),
      runsPath('.%2e'),
      runsPath('%2e'),
      runsPath('a%2Fb'),
      runsPath('a%2fb'),
      runsPath('..%2F..%2Fpublic-api'),
      runsPath('%2e%2e%2f%2e%2e%2ftenant'),
      runsPath(''),
      '/public-api//integrations/halopsa/sync-runs',
      '/public-api/integrations//halopsa/sync-runs',
      '/public-api/integrations/halopsa//sync-runs',
      runsPath('a\\b'),
      runsPath('..\\..\\tenant'),
      runsPath('a%5Cb'),
      runsPath('..%5c..%5ctenant'),
      runsPath('%00'),
      runsPath('a%00b'),
      runsPath('%E0%A4%A'),
      runsPath('%'),
      runsPath('a%0Ab'),
    ];
    for (const path of attempts) {
      const res = await request(fx.port, path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers['content-type'], path).toBe('application/json; charset=utf-8');
      expect(['bad_request', 'not_found'], path).toContain(envelope(res.text).error.code);
    }
    expect(fx.upstream.seen).toEqual([]);
  });
});

describe('API proxy: what it answers', () => {
  it('never serves an upstream HTML page as a document: Neo’s JSON error envelope instead', async () => {
    const error = await request(fx.port, runsPath('html-error'));
    expect(error.status).toBe(503);
    expect(error.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(error.headers['retry-after']).toBe('3');
    expect(error.headers['cache-control']).toBe('no-store');
    expect(error.text).not.toContain('<script>');
    const body = envelope(error.text);
    expect(body.error.code).toBe('upstream_error');
    expect(error.headers['x-request-id']).toBe(body.meta.request_id);

    // A 2xx that is not JSON is not the API's answer either.
    const ok = await request(fx.port, runsPath('html-ok'));
    expect(ok.status).toBe(502);
    expect(ok.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(ok.text).not.toContain(UPSTREAM_HTML);
    expect(envelope(ok.text).error.code).toBe('upstream_invalid_response');

    const head = await request(fx.port, runsPath('html-error'), { method: 'HEAD' });
    expect(head.status).toBe(503);
    expect(head.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(head.body.length).toBe(0);
  });
});
