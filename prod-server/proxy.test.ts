// @vitest-environment node
// The same-origin API proxy over real HTTP, against a fake Neo API upstream.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from './config.ts';
import { close, listen, request, runsPath, useFixture, TOKEN, UUID } from './test-support.ts';

const fx = useFixture();

describe('API proxy', () => {
  it('passes Authorization through and only allow-listed headers, both ways', async () => {
    const res = await request(
      fx.port,
      '/public-api/integrations/halopsa/sync-runs?page_size=200&cursor=a%2Fb',
      {
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          Accept: 'application/json',
          Cookie: 'session=1',
          'X-Custom': 'nope',
        },
      },
    );
    expect(res.status).toBe(200);
    const seen = JSON.parse(res.text) as { url: string; headers: Record<string, string> };
    expect(seen.url).toBe('/public-api/integrations/halopsa/sync-runs?page_size=200&cursor=a%2Fb');
    expect(seen.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers['x-custom']).toBeUndefined();
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-forwarded-proto']).toBe('http');
    expect(seen.headers['x-forwarded-host']).toBe(`127.0.0.1:${fx.port}`);
    expect(res.headers['x-ratelimit-limit']).toBe('1200');
    expect(res.headers['x-ratelimit-remaining']).toBe('1199');
    expect(res.headers['x-ratelimit-reset']).toBe('1767225600');
    expect(res.headers['x-request-id']).toBe('neo-req-1');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['x-upstream-internal']).toBeUndefined();
  });

  it('passes error statuses and Retry-After through', async () => {
    const res = await request(fx.port, runsPath('limited'));
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(JSON.parse(res.text).error.code).toBe('rate_limited');
  });

  it('streams the body without waiting for the upstream to finish', async () => {
    const firstChunk = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: fx.port, path: runsPath('stream'), agent: false },
        (res) => {
          let seen = '';
          res.setEncoding('utf8');
          res.once('data', (chunk: string) => {
            resolve(chunk);
            seen += chunk;
            fx.upstream.releaseStream();
          });
          res.on('end', () => expect(seen).toContain('part'));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(firstChunk).toBe('{"part":1}\n');
  });

  it('answers 504 with Neo’s envelope on timeout and aborts the upstream', async () => {
    fx.expectUpstreamClose();
    const started = Date.now();
    const res = await request(fx.port, runsPath('slow'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.status).toBe(504);
    const body = JSON.parse(res.text);
    expect(body.error.code).toBe('upstream_timeout');
    expect(body.meta.request_id).toMatch(UUID);
    expect(res.headers['x-request-id']).toBe(body.meta.request_id);
    await fx.upstream.sawClose;
  });

  it('aborts the upstream request when the client disconnects', async () => {
    fx.expectUpstreamClose();
    const req = http.request({
      host: '127.0.0.1',
      port: fx.port,
      path: runsPath('slow'),
      agent: false,
    });
    req.on('error', () => {});
    req.end();
    await new Promise((resolve) => setTimeout(resolve, 50));
    req.destroy();
    await fx.upstream.sawClose; // well before the 300 ms proxy timeout would have fired
  });

  it('answers 502 when the upstream is unreachable, and 405 to other methods', async () => {
    const dead = http.createServer();
    const deadPort = await listen(dead);
    await close(dead);
    const { server: unreachable, port: otherPort } = await fx.another({
      SYNC_RUNS_UPSTREAM_API: `http://127.0.0.1:${deadPort}`,
    });
    try {
      const res = await request(otherPort, '/public-api/integrations/halopsa/sync-runs');
      expect(res.status).toBe(502);
      expect(JSON.parse(res.text).error.code).toBe('upstream_unreachable');
      expect(JSON.parse(res.text).meta.request_id).toMatch(UUID);
    } finally {
      await close(unreachable);
    }
    const post = await request(fx.port, '/public-api/integrations/halopsa/sync-runs', {
      method: 'POST',
    });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect(JSON.parse(post.text).error.code).toBe('method_not_allowed');
  });
});

describe('API proxy: forwarding headers', () => {
  const SPOOFED = {
    'X-Forwarded-For': '203.0.113.66',
    'X-Forwarded-Host': 'evil.example',
    'X-Forwarded-Proto': 'https',
    Forwarded: 'for=203.0.113.66;host=evil.example;proto=https',
  };
  type Seen = { url: string; headers: Record<string, string | undefined> };

  it('drops client-supplied X-Forwarded-* and Forwarded unless SYNC_RUNS_TRUST_PROXY=1', async () => {
    const res = await request(fx.port, runsPath('halopsa'), { headers: SPOOFED });
    const seen = JSON.parse(res.text) as Seen;
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-forwarded-host']).toBe(`127.0.0.1:${fx.port}`);
    expect(seen.headers['x-forwarded-proto']).toBe('http');
    expect(seen.headers.forwarded).toBeUndefined();
    expect(res.text).not.toContain('evil.example');
    expect(res.text).not.toContain('203.0.113.66');

    // Behind a trusted reverse proxy, its values are passed on (the closest proxy's, last in a list).
    const trusted = await fx.another({ SYNC_RUNS_TRUST_PROXY: '1' });
    try {
      const relayed = await request(trusted.port, runsPath('halopsa'), {
        headers: { ...SPOOFED, 'X-Forwarded-Proto': 'http, https' },
      });
      const seenTrusted = JSON.parse(relayed.text) as Seen;
      expect(seenTrusted.headers['x-forwarded-for']).toBe('203.0.113.66, 127.0.0.1');
      expect(seenTrusted.headers['x-forwarded-host']).toBe('evil.example');
      expect(seenTrusted.headers['x-forwarded-proto']).toBe('https');
      expect(seenTrusted.headers.forwarded).toBeUndefined();
    } finally {
      await close(trusted.server);
    }
    expect(() => loadServerConfig(fx.env({ SYNC_RUNS_TRUST_PROXY: 'yes' }))).toThrow(
      /SYNC_RUNS_TRUST_PROXY: must be 0 or 1/,
    );
  });
});
