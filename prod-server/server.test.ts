// @vitest-environment node
// The production server over real HTTP: security headers, static files and config.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadServerConfig, ServerConfigError } from './config.ts';
import { buildCsp } from './csp.ts';
import { createProdServer } from './server.ts';
import {
  APP_JS,
  close,
  env as baseEnv,
  INDEX,
  listen,
  request,
  runsPath,
  SECRET,
  useFixture,
  UUID,
} from './test-support.ts';

const fx = useFixture();
/** The test env without the proxy. */
const env = (extra: Record<string, string> = {}) => baseEnv(fx.dist, extra);

const FRAME_ANCESTORS = "frame-ancestors 'self' https://portal.example.com https://psa.example.org";

describe('security headers', () => {
  it('sends the exact CSP', () => {
    expect(buildCsp(fx.config)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; " +
        "img-src 'self' data:; connect-src 'self' https://login.microsoftonline.com; " +
        "frame-src 'self' https://login.microsoftonline.com; " +
        `${FRAME_ANCESTORS}; base-uri 'self'; ` +
        "form-action 'self' https://login.microsoftonline.com; object-src 'none'",
    );
  });

  it('puts CSP on every response and never X-Frame-Options or COOP', async () => {
    const html = { Accept: 'text/html' };
    const cases: [string, number, Record<string, string>?, string?][] = [
      ['/', 200, html],
      ['/redirect.html', 200],
      ['/popup-relay.html', 200],
      ['/assets/app-abc123.js', 200],
      ['/config.json', 200],
      ['/integrations/halopsa?run=1', 200, html],
      ['/assets/missing.js', 404, html],
      ['/missing.txt', 404],
      ['/%2e%2e/secret.txt', 400],
      ['/healthz', 200],
      ['/readyz', 200],
      ['/', 405, {}, 'POST'],
      ['/public-api/integrations/halopsa/sync-runs', 200],
      [runsPath('limited'), 429],
    ];
    for (const [path, status, headers, method] of cases) {
      const res = await request(fx.port, path, { headers, method });
      expect(res.status, path).toBe(status);
      expect(res.headers['content-security-policy'], path).toBe(buildCsp(fx.config));
      expect(res.headers['content-security-policy'], path).toContain(`${FRAME_ANCESTORS};`);
      expect(res.headers['x-frame-options'], path).toBeUndefined();
      expect(res.headers['cross-origin-opener-policy'], path).toBeUndefined();
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(res.headers['permissions-policy'], path).toContain('camera=()');
    }
  });

  it("uses frame-ancestors 'self' alone and the API origin in connect-src without the proxy", () => {
    const direct = loadServerConfig(env({ SYNC_RUNS_EMBED_ORIGINS: '' }));
    const csp = buildCsp(direct);
    expect(csp).toContain("frame-ancestors 'self';");
    expect(csp).toContain(
      "connect-src 'self' https://api.neoagent.io https://login.microsoftonline.com;",
    );
  });

  it('allows the error-reporting endpoint in connect-src and passes it, and Temporal links, on', () => {
    const withReports = loadServerConfig(
      env({
        SYNC_RUNS_ERROR_ENDPOINT: 'https://errors.example.com/ingest',
        SYNC_RUNS_TEMPORAL_UI_URL: 'https://temporal.example.com/namespaces/neo',
      }),
    );
    expect(buildCsp(withReports)).toContain(
      "connect-src 'self' https://api.neoagent.io https://login.microsoftonline.com https://errors.example.com;",
    );
    expect(withReports.app).toMatchObject({
      errorReporting: { endpoint: 'https://errors.example.com/ingest' },
      temporalUiUrl: 'https://temporal.example.com/namespaces/neo',
    });
    expect(() =>
      loadServerConfig(env({ SYNC_RUNS_ERROR_ENDPOINT: 'http://errors.example.com' })),
    ).toThrow(/SYNC_RUNS_ERROR_ENDPOINT/);
  });
});

describe('static files', () => {
  it('caches hashed assets forever and revalidates HTML', async () => {
    const asset = await request(fx.port, '/assets/app-abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.text).toBe(APP_JS);
    expect(asset.headers['x-request-id']).toMatch(UUID);
    for (const path of ['/', '/redirect.html', '/favicon.svg']) {
      expect((await request(fx.port, path)).headers['cache-control'], path).toBe('no-cache');
    }
    expect((await request(fx.port, '/')).text).toBe(INDEX);
  });

  it('answers 304 to a matching ETag or Last-Modified', async () => {
    const first = await request(fx.port, '/assets/app-abc123.js');
    const etag = String(first.headers.etag);
    const again = await request(fx.port, '/assets/app-abc123.js', {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const since = String(first.headers['last-modified']);
    const bySince = await request(fx.port, '/', { headers: { 'If-Modified-Since': since } });
    expect(bySince.status).toBe(304);
  });

  it('compresses when accepted and serves HEAD without a body', async () => {
    const gz = await request(fx.port, '/assets/app-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toContain('Accept-Encoding');
    expect(gunzipSync(gz.body).toString()).toBe(APP_JS);
    const br = await request(fx.port, '/assets/app-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);
    expect(br.headers.etag).not.toBe(gz.headers.etag);
    const head = await request(fx.port, '/assets/app-abc123.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(APP_JS));
  });

  it('falls back to index.html for deep links, never for assets', async () => {
    const deep = await request(fx.port, '/integrations/x?run=1', {
      headers: { Accept: 'text/html,*/*' },
    });
    expect(deep.status).toBe(200);
    expect(deep.text).toBe(INDEX);
    expect(deep.headers['cache-control']).toBe('no-cache');
    const missing = await request(fx.port, '/assets/missing.js', {
      headers: { Accept: 'text/html' },
    });
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<div id="root">');
    expect(
      (await request(fx.port, '/app-missing.css', { headers: { Accept: 'text/html' } })).status,
    ).toBe(404);
    expect(
      (await request(fx.port, '/integrations/x', { headers: { Accept: 'application/json' } }))
        .status,
    ).toBe(404);
  });

  it('makes path traversal impossible', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/index.html%00.js',
      '/%00',
      '/%E0%A4%A',
      '/link-out.txt',
      '/.env',
    ];
    for (const path of attempts) {
      const res = await request(fx.port, path, { headers: { Accept: 'text/html' } });
      expect([400, 404], path).toContain(res.status);
      expect(res.text, path).not.toContain(SECRET);
      expect(res.text, path).not.toContain('<div id="root">');
    }
  });
});

describe('config.json', () => {
  it('is generated from the environment, no-store, with the proxy origin as apiBaseUrl', async () => {
    const res = await request(fx.port, '/config.json');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.text)).toEqual({
      apiBaseUrl: `http://127.0.0.1:${fx.port}`,
      auth: {
        clientId: '11111111-2222-3333-4444-555555555555',
        authority: 'https://login.microsoftonline.com/6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5',
        knownAuthorities: [],
        scopes: ['api://neo/access_as_user'],
      },
      integrations: ['halopsa', 'ninjaone'],
      embed: { allowedParentOrigins: ['https://portal.example.com', 'https://psa.example.org'] },
      runCache: { enabled: true },
    });
    // Behind a TLS-terminating proxy: hardening.test.ts (only with SYNC_RUNS_TRUST_PROXY=1).
  });

  it('names the offending variable when the environment is wrong', () => {
    const problems = (extra: Record<string, string>) => {
      try {
        loadServerConfig(env(extra));
        return [];
      } catch (error) {
        return (error as ServerConfigError).problems;
      }
    };
    expect(problems({ SYNC_RUNS_EMBED_ORIGINS: 'https://portal.example.com/app' })[0]).toMatch(
      /^SYNC_RUNS_EMBED_ORIGINS: .*not an exact origin/,
    );
    expect(problems({ SYNC_RUNS_EMBED_ORIGINS: 'https://*.example.com' })[0]).toMatch(
      /^SYNC_RUNS_EMBED_ORIGINS/,
    );
    expect(problems({ SYNC_RUNS_CLIENT_ID: '' })).toEqual(['SYNC_RUNS_CLIENT_ID: is required']);
    expect(problems({ SYNC_RUNS_AUTHORITY: 'http://login.example.com/t' })[0]).toMatch(
      /^SYNC_RUNS_AUTHORITY/,
    );
    expect(problems({ PORT: 'eighty' })[0]).toMatch(/^PORT: /);
    expect(problems({ SYNC_RUNS_PROXY_API: 'yes' })[0]).toMatch(/^SYNC_RUNS_PROXY_API: /);
    expect(problems({ SYNC_RUNS_CONFIG_FILE: join(fx.root, 'nope.json') })[0]).toMatch(
      /^SYNC_RUNS_CONFIG_FILE: /,
    );
  });

  it('serves SYNC_RUNS_CONFIG_FILE byte for byte', async () => {
    const file = join(fx.root, 'config-file.json');
    const body = JSON.stringify({
      apiBaseUrl: 'https://api.neoagent.io',
      auth: { clientId: 'c', authority: 'https://login.microsoftonline.com/t', scopes: ['s'] },
      integrations: ['itglue'],
    });
    writeFileSync(file, body);
    const fromFile = loadServerConfig({ DIST_DIR: fx.dist, SYNC_RUNS_CONFIG_FILE: file });
    const other = createProdServer(fromFile, { log: () => {} });
    const otherPort = await listen(other);
    try {
      expect((await request(otherPort, '/config.json')).text).toBe(body);
      expect((await request(otherPort, '/public-api/x')).status).toBe(404);
    } finally {
      await close(other);
    }
  });
});
