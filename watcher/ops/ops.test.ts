import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server-kit/log.ts';
import { servedHostNames } from './guard.ts';
import { startOpsServer } from './http.ts';
import { createMetrics } from './metrics.ts';
import type { WatcherStatus } from './status.ts';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function status(overrides: Partial<WatcherStatus> = {}): WatcherStatus {
  return {
    startedAt: '2026-11-28T12:00:00.000Z',
    ready: true,
    shuttingDown: false,
    integrations: {
      halopsa: {
        lastPollAt: '2026-11-28T12:00:00.000Z',
        lastOkAt: '2026-11-28T11:00:00.000Z',
        consecutiveFailures: 4,
        lastError: { code: 'network_error', message: 'The Neo API could not be reached.' },
        nextPollAt: null,
        runs: 100,
        health: 'failing',
      },
    },
    channels: { ops: { failuresLastDay: 0, lastError: null } },
    ...overrides,
  };
}

async function serve(
  current: () => WatcherStatus,
  options: { host?: string; token?: string; allowedHosts?: string[] } = {},
) {
  const metrics = createMetrics();
  metrics.polls.inc({ integration: 'halopsa', result: 'error' });
  metrics.noticesFailed.inc({ channel: 'ops' });
  const ops = await startOpsServer({
    host: '127.0.0.1',
    port: 0,
    status: current,
    registry: metrics.registry,
    history: (limit) => [{ limit }],
    ...options,
  });
  closers.push(ops.close);
  return ops.url;
}

/** A GET to 127.0.0.1 with the Host and Authorization headers a client chose (fetch sets Host). */
function get(url: string, path: string, headers: Record<string, string>) {
  const { port } = new URL(url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const setHost = 'Host' in headers; // without one, no Host header at all
    const req = request({ host: '127.0.0.1', port, path, headers, setHost }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const TOKEN = 'ops-token-0123456789-0123456789-abcdef';

describe('the ops endpoint', () => {
  it('/healthz says degraded while the API keeps failing, with the error to act on', async () => {
    const url = await serve(() => status());
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe('degraded');
    expect(body.integrations.halopsa.lastError.code).toBe('network_error');
  });

  it('/readyz is 503 until the first polls ran and while stopping', async () => {
    let current = status({ ready: false });
    const url = await serve(() => current);
    const notReady = await fetch(`${url}/readyz`);
    expect(notReady.status).toBe(503);
    // The production server's body too (server-kit/health.ts).
    expect(await notReady.json()).toEqual({ status: 'not_ready' });
    current = status();
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    current = status({ shuttingDown: true });
    const draining = await fetch(`${url}/readyz`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toEqual({ status: 'draining' });
  });

  it('/metrics speaks Prometheus; /notices pages the history', async () => {
    const url = await serve(() => status());
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toContain('sync_runs_watcher_polls_total{integration="halopsa",result="error"} 1');
    expect(text).toContain('sync_runs_watcher_notices_failed_total{channel="ops"} 1');
    expect(text).toContain('# TYPE sync_runs_watcher_lag_seconds gauge');
    expect(await (await fetch(`${url}/notices?limit=500`)).json()).toEqual([{ limit: 200 }]);
    expect((await fetch(`${url}/metrics`, { method: 'POST' })).status).toBe(405);
  });
});

describe('who the ops endpoint answers', () => {
  it('refuses a request addressed to another host name (DNS rebinding) with 421', async () => {
    const url = await serve(() => status(), { allowedHosts: ['watcher.internal'] });
    for (const host of ['evil.example', 'evil.example:9464', 'localhost.evil.example'])
      expect((await get(url, '/notices', { Host: host })).status).toBe(421);
    expect((await get(url, '/healthz', { Host: 'evil.example' })).status).toBe(421);
    // Without any Host header, Node itself refuses an HTTP/1.1 request.
    expect((await get(url, '/healthz', {})).status).toBe(400);
    for (const host of ['localhost:9464', '127.0.0.1', '[::1]:9464', 'Watcher.Internal:80'])
      expect((await get(url, '/notices', { Host: host })).status).toBe(200);
  });

  it('also answers to the specific address it listens on, never to a wildcard', () => {
    expect(servedHostNames('10.0.0.5', ['watcher.internal'])).toEqual([
      'watcher.internal',
      '10.0.0.5',
    ]);
    expect(servedHostNames('fd00::5', [])).toEqual(['[fd00::5]']);
    expect(servedHostNames('0.0.0.0', [])).toEqual([]);
    expect(servedHostNames('::', [])).toEqual([]);
  });

  it('beyond loopback, /notices and every other route need the bearer token', async () => {
    const url = await serve(() => status(), { host: '0.0.0.0', token: TOKEN });
    const host = { Host: 'localhost' };
    expect((await get(url, '/notices', host)).status).toBe(401);
    expect((await get(url, '/notices', { ...host, Authorization: 'Bearer wrong' })).status).toBe(
      401,
    );
    expect((await get(url, '/anything', host)).status).toBe(401);
    const allowed = await get(url, '/notices?limit=3', {
      ...host,
      Authorization: `Bearer ${TOKEN}`,
    });
    expect(allowed).toEqual({ status: 200, body: JSON.stringify([{ limit: 3 }]) });
    for (const open of ['/healthz', '/readyz', '/metrics'])
      expect((await get(url, open, host)).status).toBe(200);
  });

  it('will not listen beyond loopback without a token, and says why', async () => {
    const refused = serve(() => status(), { host: '0.0.0.0' });
    await expect(refused).rejects.toThrow(
      'The ops endpoint will not listen on 0.0.0.0 without a bearer token',
    );
    await expect(refused).rejects.toThrow('Set WATCHER_OPS_TOKEN');
  });
});

describe('logs', () => {
  it('are JSON lines with credentials redacted, in the message and in fields', () => {
    const lines: string[] = [];
    const log = createLogger(
      (line) => lines.push(line),
      () => 0,
    );
    log.warn('poll failed with Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2ln', {
      apiKey: 'neo_sk_prod_AbCdEf0123456789',
      url: 'https://hooks.slack.com/services/T000/B000/SECRET',
      detail: 'key neo_sk_prod_AbCdEf0123456789 refused',
    });
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'warn', time: '1970-01-01T00:00:00.000Z' });
    expect(lines[0]).not.toContain('neo_sk_prod_AbCdEf0123456789');
    expect(lines[0]).not.toContain('SECRET');
    expect(lines[0]).not.toContain('eyJzdWIiOiIxIn0');
    expect(entry.apiKey).toBe('[redacted]');
  });
});
