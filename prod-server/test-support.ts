// Test fixtures for the production server: a temp DIST_DIR, a fake Neo API upstream, HTTP helpers.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { loadServerConfig, type ServerConfig } from './config.ts';
import { createProdServer } from './server.ts';

export const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.super-secret-payload.signature-xyz';
export const SECRET = 'TOP-SECRET-OUTSIDE-DIST';
export const STALE_CONFIG = '{"apiBaseUrl":"https://stale.example.com","stale":true}';
export const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
export const APP_JS = `export const app = ${JSON.stringify('x'.repeat(2000))};\n//# sourceMappingURL=app-abc123.js.map\n`;
export const SOURCE_MAP = '{"version":3,"sources":["../src/secret-source.ts"],"mappings":""}';
export const UPSTREAM_HTML = '<!doctype html><html><body><script>alert(document.cookie)</script>';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type Reply = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
};

export function request(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; agent?: http.Agent } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: options.agent ?? false,
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

export async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export function env(dist: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
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

/** The sync-runs path of an integration, as the dashboard asks for it. */
export const runsPath = (name: string, search = '') =>
  `/public-api/integrations/${name}/sync-runs${search}`;

/** A fake Neo API: the integration name picks the behaviour; anything else echoes the request. */
function createUpstream() {
  const control = {
    releaseStream: () => {},
    sawClose: Promise.resolve(),
    /** Every path the upstream was asked for, as it arrived. */
    seen: [] as string[],
  };
  let markClose = () => {};
  const expectClose = () => (control.sawClose = new Promise((resolve) => (markClose = resolve)));
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    control.seen.push(url);
    const name = /^\/public-api\/integrations\/([^/]+)\/sync-runs/.exec(url)?.[1];
    if (name === 'slow') {
      req.on('close', () => markClose());
      return; // never answers
    }
    if (name === 'stream') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"part":1}\n');
      control.releaseStream = () => res.end('{"part":2}\n');
      return;
    }
    if (name === 'limited') {
      res.writeHead(429, {
        'Content-Type': 'application/json',
        'Retry-After': '7',
        'X-Request-Id': 'neo-429',
      });
      return res.end(
        '{"error":{"code":"rate_limited","message":"slow down"},"meta":{"request_id":"neo-429"}}',
      );
    }
    if (name === 'cacheable') {
      // An upstream (or a gateway before it) that invites caches to keep a tenant's runs.
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Cache-Control': 'public, max-age=3600, immutable',
      });
      return res.end('{"data":[]}');
    }
    if (name === 'html-error' || name === 'html-ok') {
      res.writeHead(name === 'html-ok' ? 200 : 503, {
        'Content-Type': 'text/html; charset=utf-8',
        'Retry-After': '3',
      });
      return res.end(UPSTREAM_HTML);
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
  return { server, control, expectClose };
}

export type Fixture = Awaited<ReturnType<typeof startFixture>>;

/**
 * One fixture for the whole test file: started before its first test, stopped after its last. The
 * object returned is filled in when the fixture starts, so read its fields inside tests.
 */
export function useFixture(extra: Record<string, string> = {}): Fixture {
  const fx = {} as Fixture;
  beforeAll(async () => {
    Object.assign(fx, await startFixture(extra));
  });
  afterAll(() => fx.stop());
  return fx;
}

/** A config.json the browser's schema accepts, for tests that write their own. */
export const VALID_CONFIG_JSON = {
  apiBaseUrl: 'https://api.neoagent.io',
  auth: {
    clientId: '11111111-2222-3333-4444-555555555555',
    authority: 'https://login.microsoftonline.com/organizations',
    scopes: ['api://neo/access_as_user'],
  },
  integrations: ['halopsa'],
};

/**
 * A built app in a temp DIST_DIR (with a stale config.json, a source map and traps outside it), a
 * fake upstream, and the production server proxying to it with `extra` on top of the test env.
 */
export async function startFixture(extra: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'sync-runs-prod-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'redirect.html'), '<!doctype html><p>Signing in…</p>');
  writeFileSync(
    join(dist, 'popup-relay.html'),
    '<!doctype html><button id="continue">Continue</button>',
  );
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), APP_JS);
  writeFileSync(join(dist, 'assets', 'app-abc123.js.map'), SOURCE_MAP);
  writeFileSync(join(dist, 'assets', 'app-abc123.js.map.gz'), SOURCE_MAP);
  writeFileSync(join(dist, 'config.json'), STALE_CONFIG);
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(dist, '.env'), SECRET);
  symlinkSync(join(root, 'secret.txt'), join(dist, 'link-out.txt'));

  const upstream = createUpstream();
  const upstreamPort = await listen(upstream.server);
  const logs: string[] = [];
  const makeEnv = (more: Record<string, string> = {}) =>
    env(dist, {
      SYNC_RUNS_PROXY_API: '1',
      SYNC_RUNS_UPSTREAM_API: `http://127.0.0.1:${upstreamPort}`,
      SYNC_RUNS_PROXY_TIMEOUT_MS: '300',
      ...extra,
      ...more,
    });
  const config: ServerConfig = loadServerConfig(makeEnv());
  const server = createProdServer(config, { log: (line) => logs.push(line) });
  const port = await listen(server);

  return {
    root,
    dist,
    port,
    config,
    server,
    logs,
    upstream: upstream.control,
    expectUpstreamClose: upstream.expectClose,
    /** The test env for this fixture's DIST_DIR and upstream, with `more` on top. */
    env: makeEnv,
    /** Another server over the same DIST_DIR and upstream, listening; close it with `close`. */
    async another(more: Record<string, string> = {}) {
      const other = createProdServer(loadServerConfig(makeEnv(more)), { log: () => {} });
      return { server: other, port: await listen(other) };
    },
    async stop() {
      await Promise.all([close(server), close(upstream.server)]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
