// The static host's staticwebapp.config.json says what `npm run serve` does: the same security
// headers and Cache-Control for the same paths, the same 404s and SPA fallback. Changing one
// without the other fails here.
import { existsSync, statSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig, type ServerConfig } from './config.ts';
import {
  StaticHostConfigError,
  staticHostFiles,
  staticWebAppConfig,
  type StaticWebAppConfig,
} from './static-host-config.ts';
import { close, request, useFixture } from './test-support.ts';

/** A static deployment: no proxy, the API elsewhere, an error endpoint; behind TLS. */
const STATIC = {
  SYNC_RUNS_PROXY_API: '0',
  SYNC_RUNS_API_BASE_URL: 'https://api.neo.example.com',
  SYNC_RUNS_ERROR_ENDPOINT: 'https://errors.example.com/ingest',
  SYNC_RUNS_TRUST_PROXY: '1',
};
const FRAME_ANCESTORS = "frame-ancestors 'self' https://portal.example.com https://psa.example.org";

/** Headers any HTTP server or static host sets per response: not part of the policy compared. */
const PER_RESPONSE = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'date',
  'connection',
  'keep-alive',
  'etag',
  'last-modified',
  'vary',
  'x-request-id',
]);

/**
 * Azure's documented route patterns: exact (a route to `…/index.html` also matches its folder), or
 * one wildcard at the end, optionally filtered by extension (`/*.map`, `/*.{png,jpg}`).
 */
function matches(pattern: string, path: string): boolean {
  const star = pattern.indexOf('*');
  if (star === -1) {
    return path === pattern || (pattern.endsWith('/index.html') && path === pattern.slice(0, -10));
  }
  if (!path.startsWith(pattern.slice(0, star))) return false;
  const filter = pattern.slice(star + 1);
  if (!filter) return true;
  const extensions = /^\.\{(.+)\}$/.exec(filter)?.[1]?.split(',') ?? [filter.slice(1)];
  return extensions.some((ext) => path.endsWith(`.${ext}`));
}

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

/**
 * What Azure Static Web Apps answers for `path` with this configuration, as documented: the first
 * matching route wins, its headers override globalHeaders; a missing file (or a route's 404) gets
 * navigationFallback's file unless the path is excluded.
 */
function staticHostAnswer(swa: StaticWebAppConfig, dist: string, path: string) {
  const headersAt = (p: string) => {
    const route = swa.routes.find((r) => matches(r.route, p));
    return { route, headers: lower({ ...swa.globalHeaders, ...route?.headers }) };
  };
  const { route, headers } = headersAt(path);
  const file = join(dist, path === '/' ? 'index.html' : path.slice(1));
  if (route?.statusCode !== 404 && existsSync(file) && statSync(file).isFile()) {
    return { status: route?.statusCode ?? 200, headers };
  }
  if (swa.navigationFallback.exclude.some((p) => matches(p, path))) return { status: 404, headers };
  // Whether the host applies the deep link's headers or the rewritten file's, they must agree.
  const fallback = headersAt(swa.navigationFallback.rewrite).headers;
  expect(fallback, `${path}: fallback headers`).toEqual(headers);
  return { status: 200, headers };
}

/** The server's answer's headers minus the per-response ones: its policy for the path. */
function policy(headers: IncomingHttpHeaders): Record<string, string> {
  const kept = Object.entries(headers).filter(([name]) => !PER_RESPONSE.has(name));
  return Object.fromEntries(kept.map(([name, value]) => [name, String(value)]));
}

const PATHS = [
  '/',
  '/integrations/x',
  '/integrations/halopsa/runs',
  '/index.html',
  '/assets/app-abc123.js',
  '/assets/app-abc123.js.map',
  '/assets/missing-123.js',
  '/config.json',
  '/redirect.html',
  '/popup-relay.html',
  '/favicon.svg',
  '/missing.png',
];

const fx = useFixture(STATIC);

async function compare(port: number, config: ServerConfig) {
  const swa = staticWebAppConfig(config);
  for (const path of PATHS) {
    // As a browser asks: a navigation accepts HTML; the TLS proxy in front says https.
    const res = await request(port, path, {
      headers: { accept: 'text/html,*/*', 'x-forwarded-proto': 'https' },
    });
    const expected = staticHostAnswer(swa, fx.dist, path);
    expect(res.status, `${path}: status`).toBe(expected.status);
    const served = policy(res.headers);
    if (res.status !== 200) {
      // Error answers: the server says no-store, Azure's own error page keeps the global value.
      delete served['cache-control'];
      delete expected.headers['cache-control'];
    }
    expect(served, `${path}: security and caching headers`).toEqual(expected.headers);
  }
  return swa;
}

describe('staticwebapp.config.json', () => {
  it('gives every path the headers, caching and status that `npm run serve` gives it', async () => {
    const swa = await compare(fx.port, fx.config);
    expect(swa.globalHeaders['Content-Security-Policy']).toContain(`${FRAME_ANCESTORS};`);
    expect(swa.globalHeaders['Content-Security-Policy']).toContain(
      "connect-src 'self' https://api.neo.example.com https://login.microsoftonline.com https://errors.example.com;",
    );
    expect(swa.routes).toContainEqual({ route: '/*.map', statusCode: 404 });
  });

  it('serves source maps, as the server does, with SYNC_RUNS_SERVE_SOURCEMAPS=1', async () => {
    const more = { SYNC_RUNS_SERVE_SOURCEMAPS: '1' };
    const other = await fx.another(more);
    try {
      const swa = await compare(other.port, loadServerConfig(fx.env(more)));
      expect(swa.routes.map((r) => r.route)).not.toContain('/*.map');
    } finally {
      await close(other.server);
    }
  });

  it('writes the config.json the server serves, and fits Azure’s 20 KB limit', async () => {
    const files = staticHostFiles(fx.config);
    expect(files['config.json']).toBe((await request(fx.port, '/config.json')).text);
    expect(Buffer.byteLength(files['staticwebapp.config.json']!)).toBeLessThan(20_000);
    expect(Object.keys(JSON.parse(files['staticwebapp.config.json']!)).sort()).toEqual([
      'globalHeaders',
      'navigationFallback',
      'routes',
    ]);
  });

  it('refuses what a static host cannot do: the API proxy, a base path', () => {
    expect(() =>
      staticWebAppConfig(loadServerConfig(fx.env({ SYNC_RUNS_PROXY_API: '1' }))),
    ).toThrow(StaticHostConfigError);
    expect(() => staticWebAppConfig(loadServerConfig(fx.env({ BASE_PATH: '/runs/' })))).toThrow(
      /BASE_PATH must be \//,
    );
  });
});
