// @vitest-environment node
// The production server over real HTTP: a temp DIST_DIR, and a fake Neo API upstream for the proxy.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig, ServerConfigError, type ServerConfig } from './config.ts';
import { buildCsp } from './csp.ts';
import { inlineScripts } from './dist-check.ts';
import { redactUrl } from './logging.ts';
import { createProdServer, gracefulClose } from './server.ts';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.super-secret-payload.signature-xyz';
const SECRET = 'TOP-SECRET-OUTSIDE-DIST';
const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
const APP_JS = `export const app = ${JSON.stringify('x'.repeat(2000))};\n`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: string };

function request(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: body.toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

// ---- fixtures -------------------------------------------------------------------------------

const root = mkdtempSync(join(tmpdir(), 'sync-runs-prod-'));
const dist = join(root, 'dist');
const logs: string[] = [];
let releaseStream: () => void = () => {};
let upstreamSawClose: Promise<void> = Promise.resolve();
let markUpstreamClose: () => void = () => {};

const upstream = http.createServer((req, res) => {
  const url = req.url ?? '';
  if (url.startsWith('/public-api/slow')) {
    req.on('close', () => markUpstreamClose());
    return; // never answers
  }
  if (url.startsWith('/public-api/stream')) {
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    res.write('{"part":1}\n');
    releaseStream = () => res.end('{"part":2}\n');
    return;
  }
  if (url.startsWith('/public-api/limited')) {
    res.writeHead(429, {
      'Content-Type': 'application/json',
      'Retry-After': '7',
      'X-Request-Id': 'neo-429',
    });
    return res.end(
      '{"error":{"code":"rate_limited","message":"slow down"},"meta":{"request_id":"neo-429"}}',
    );
  }
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'X-RateLimit-Limit': '1200',
    'X-RateLimit-Remaining': '1199',
    'X-RateLimit-Reset': '1767225600',
    'X-Request-Id': 'neo-req-1',
    'Set-Cookie': 'upstream=1',
    'X-Upstream-Internal': 'leak',
  });
  res.end(JSON.stringify({ url, method: req.method, headers: req.headers }));
});

let upstreamPort = 0;
let port = 0;
let config: ServerConfig;
let server: http.Server;

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    DIST_DIR: dist,
    SYNC_RUNS_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
    SYNC_RUNS_AUTHORITY: 'https://login.microsoftonline.com/6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5',
    SYNC_RUNS_SCOPES: 'api://neo/access_as_user',
    SYNC_RUNS_INTEGRATIONS: 'halopsa, ninjaone',
    SYNC_RUNS_EMBED_ORIGINS: 'https://portal.example.com,https://psa.example.org',
    ...extra,
  };
}

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'redirect.html'), '<!doctype html><p>Signing in…</p>');
  writeFileSync(
    join(dist, 'popup-relay.html'),
    '<!doctype html><button id="continue">Continue</button>',
  );
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), APP_JS);
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(dist, '.env'), SECRET);
  symlinkSync(join(root, 'secret.txt'), join(dist, 'link-out.txt'));
  upstreamPort = await listen(upstream);
  config = loadServerConfig(
    env({
      SYNC_RUNS_PROXY_API: '1',
      SYNC_RUNS_UPSTREAM_API: `http://127.0.0.1:${upstreamPort}`,
      SYNC_RUNS_PROXY_TIMEOUT_MS: '300',
    }),
  );
  server = createProdServer(config, { log: (line) => logs.push(line) });
  port = await listen(server);
});

afterAll(async () => {
  await Promise.all([close(server), close(upstream)]);
  rmSync(root, { recursive: true, force: true });
});

// ---- tests ----------------------------------------------------------------------------------

const FRAME_ANCESTORS = "frame-ancestors 'self' https://portal.example.com https://psa.example.org";

describe('security headers', () => {
  it('sends the exact CSP', () => {
    expect(buildCsp(config)).toBe(
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
      ['/public-api/limited', 429],
    ];
    for (const [path, status, headers, method] of cases) {
      const res = await request(port, path, { headers, method });
      expect(res.status, path).toBe(status);
      expect(res.headers['content-security-policy'], path).toBe(buildCsp(config));
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
    const asset = await request(port, '/assets/app-abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.text).toBe(APP_JS);
    expect(asset.headers['x-request-id']).toMatch(UUID);
    for (const path of ['/', '/redirect.html', '/favicon.svg']) {
      expect((await request(port, path)).headers['cache-control'], path).toBe('no-cache');
    }
    expect((await request(port, '/')).text).toBe(INDEX);
  });

  it('answers 304 to a matching ETag or Last-Modified', async () => {
    const first = await request(port, '/assets/app-abc123.js');
    const etag = String(first.headers.etag);
    const again = await request(port, '/assets/app-abc123.js', {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const since = String(first.headers['last-modified']);
    const bySince = await request(port, '/', { headers: { 'If-Modified-Since': since } });
    expect(bySince.status).toBe(304);
  });

  it('compresses when accepted and serves HEAD without a body', async () => {
    const gz = await request(port, '/assets/app-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toContain('Accept-Encoding');
    expect(gunzipSync(gz.body).toString()).toBe(APP_JS);
    const br = await request(port, '/assets/app-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);
    expect(br.headers.etag).not.toBe(gz.headers.etag);
    const head = await request(port, '/assets/app-abc123.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(APP_JS));
  });

  it('falls back to index.html for deep links, never for assets', async () => {
    const deep = await request(port, '/integrations/x?run=1', {
      headers: { Accept: 'text/html,*/*' },
    });
    expect(deep.status).toBe(200);
    expect(deep.text).toBe(INDEX);
    expect(deep.headers['cache-control']).toBe('no-cache');
    const missing = await request(port, '/assets/missing.js', { headers: { Accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<div id="root">');
    expect(
      (await request(port, '/app-missing.css', { headers: { Accept: 'text/html' } })).status,
    ).toBe(404);
    expect(
      (await request(port, '/integrations/x', { headers: { Accept: 'application/json' } })).status,
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
      const res = await request(port, path, { headers: { Accept: 'text/html' } });
      expect([400, 404], path).toContain(res.status);
      expect(res.text, path).not.toContain(SECRET);
      expect(res.text, path).not.toContain('<div id="root">');
    }
  });
});

describe('config.json', () => {
  it('is generated from the environment, no-store, with the proxy origin as apiBaseUrl', async () => {
    const res = await request(port, '/config.json');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.text)).toEqual({
      apiBaseUrl: `http://127.0.0.1:${port}`,
      auth: {
        clientId: '11111111-2222-3333-4444-555555555555',
        authority: 'https://login.microsoftonline.com/6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5',
        knownAuthorities: [],
        scopes: ['api://neo/access_as_user'],
      },
      integrations: ['halopsa', 'ninjaone'],
      embed: { allowedParentOrigins: ['https://portal.example.com', 'https://psa.example.org'] },
    });
    const behindTls = await request(port, '/config.json', {
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'dash.example.com' },
    });
    expect(JSON.parse(behindTls.text).apiBaseUrl).toBe('https://dash.example.com');
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
    expect(problems({ SYNC_RUNS_CONFIG_FILE: join(root, 'nope.json') })[0]).toMatch(
      /^SYNC_RUNS_CONFIG_FILE: /,
    );
  });

  it('serves SYNC_RUNS_CONFIG_FILE byte for byte', async () => {
    const file = join(root, 'config.json');
    const body = JSON.stringify({
      apiBaseUrl: 'https://api.neoagent.io',
      auth: { clientId: 'c', authority: 'https://login.microsoftonline.com/t', scopes: ['s'] },
      integrations: ['itglue'],
    });
    writeFileSync(file, body);
    const fromFile = loadServerConfig({ DIST_DIR: dist, SYNC_RUNS_CONFIG_FILE: file });
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

describe('API proxy', () => {
  it('passes Authorization through and only allow-listed headers, both ways', async () => {
    const res = await request(
      port,
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
    expect(seen.headers['x-forwarded-host']).toBe(`127.0.0.1:${port}`);
    expect(res.headers['x-ratelimit-limit']).toBe('1200');
    expect(res.headers['x-ratelimit-remaining']).toBe('1199');
    expect(res.headers['x-ratelimit-reset']).toBe('1767225600');
    expect(res.headers['x-request-id']).toBe('neo-req-1');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['x-upstream-internal']).toBeUndefined();
  });

  it('passes error statuses and Retry-After through', async () => {
    const res = await request(port, '/public-api/limited');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(JSON.parse(res.text).error.code).toBe('rate_limited');
  });

  it('streams the body without waiting for the upstream to finish', async () => {
    const firstChunk = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/public-api/stream', agent: false },
        (res) => {
          let seen = '';
          res.setEncoding('utf8');
          res.once('data', (chunk: string) => {
            resolve(chunk);
            seen += chunk;
            releaseStream();
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
    upstreamSawClose = new Promise((resolve) => (markUpstreamClose = resolve));
    const started = Date.now();
    const res = await request(port, '/public-api/slow');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.status).toBe(504);
    const body = JSON.parse(res.text);
    expect(body.error.code).toBe('upstream_timeout');
    expect(body.meta.request_id).toMatch(UUID);
    expect(res.headers['x-request-id']).toBe(body.meta.request_id);
    await upstreamSawClose;
  });

  it('aborts the upstream request when the client disconnects', async () => {
    upstreamSawClose = new Promise((resolve) => (markUpstreamClose = resolve));
    const req = http.request({ host: '127.0.0.1', port, path: '/public-api/slow', agent: false });
    req.on('error', () => {});
    req.end();
    await new Promise((resolve) => setTimeout(resolve, 50));
    req.destroy();
    await upstreamSawClose; // well before the 300 ms proxy timeout would have fired
  });

  it('answers 502 when the upstream is unreachable, and 405 to other methods', async () => {
    const dead = http.createServer();
    const deadPort = await listen(dead);
    await close(dead);
    const unreachable = createProdServer(
      loadServerConfig(
        env({ SYNC_RUNS_PROXY_API: '1', SYNC_RUNS_UPSTREAM_API: `http://127.0.0.1:${deadPort}` }),
      ),
      { log: () => {} },
    );
    const otherPort = await listen(unreachable);
    try {
      const res = await request(otherPort, '/public-api/integrations/halopsa/sync-runs');
      expect(res.status).toBe(502);
      expect(JSON.parse(res.text).error.code).toBe('upstream_unreachable');
      expect(JSON.parse(res.text).meta.request_id).toMatch(UUID);
    } finally {
      await close(unreachable);
    }
    const post = await request(port, '/public-api/integrations/halopsa/sync-runs', {
      method: 'POST',
    });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect(JSON.parse(post.text).error.code).toBe('method_not_allowed');
  });
});

describe('health, logs and shutdown', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await request(port, '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ status: 'ok' });
    expect((await request(port, '/readyz')).status).toBe(200);
    const empty = createProdServer(
      { ...config, distDir: join(root, 'nowhere') },
      { log: () => {} },
    );
    const emptyPort = await listen(empty);
    try {
      expect((await request(emptyPort, '/readyz')).status).toBe(503);
    } finally {
      await close(empty);
    }
  });

  it('writes one JSON line per request and never a token', async () => {
    logs.length = 0;
    await request(
      port,
      '/public-api/integrations/halopsa/sync-runs?access_token=qs-secret&code=auth-code&cursor=c1',
      {
        headers: { Authorization: `Bearer ${TOKEN}`, Cookie: 'msal=cookie-secret' },
      },
    );
    await request(port, `/?id_token=${TOKEN}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logs).toHaveLength(2);
    for (const line of logs) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('super-secret-payload');
      expect(line).not.toContain('qs-secret');
      expect(line).not.toContain('auth-code');
      expect(line).not.toContain('cookie-secret');
    }
    const proxied = JSON.parse(logs[0]!);
    expect(proxied).toMatchObject({
      method: 'GET',
      path: '/public-api/integrations/halopsa/sync-runs?access_token=[redacted]&code=[redacted]&cursor=c1',
      status: 200,
      upstream_request_id: 'neo-req-1',
    });
    expect(proxied.request_id).toMatch(UUID);
    expect(proxied.bytes).toBeGreaterThan(0);
    expect(typeof proxied.duration_ms).toBe('number');
    expect(redactUrl('/a?client_secret=x&page_size=5')).toBe(
      '/a?client_secret=[redacted]&page_size=5',
    );
  });

  it('lets an in-flight request finish during graceful shutdown', async () => {
    const draining = createProdServer(config, { log: () => {} });
    const drainingPort = await listen(draining);
    const inFlight = new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: drainingPort, path: '/public-api/stream' },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      req.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = gracefulClose(draining, 2000);
    setTimeout(() => releaseStream(), 50);
    expect(await inFlight).toBe('{"part":1}\n{"part":2}\n');
    expect(await closing).toBe('clean');
  });

  it('spots inline scripts that the CSP would block', () => {
    expect(inlineScripts(INDEX)).toEqual([]);
    expect(
      inlineScripts('<script>window.x=1</script><script type="module">y()</script>'),
    ).toHaveLength(2);
  });
});
