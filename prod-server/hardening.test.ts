// @vitest-environment node
// HSTS and the trusted-proxy setting, config.json under other spellings, source maps.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from './config.ts';
import { close, INDEX, request, SOURCE_MAP, STALE_CONFIG, useFixture } from './test-support.ts';

const HSTS = 'max-age=31536000; includeSubDomains';

const fx = useFixture();

/** The production server's request handler behind a TLS listener of its own (direct HTTPS). */
async function overTls(server: http.Server): Promise<{ tls: https.Server; tlsPort: number }> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec' });
  const tls = https.createServer({ key: pems.private, cert: pems.cert });
  for (const listener of server.listeners('request')) {
    tls.on('request', listener as http.RequestListener);
  }
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  return { tls, tlsPort: (tls.address() as AddressInfo).port };
}

function tlsGet(tlsPort: number, path: string): Promise<http.IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      { host: '127.0.0.1', port: tlsPort, path, rejectUnauthorized: false, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.headers));
      },
    );
    req.on('error', reject);
  });
}

describe('HTTPS and the trusted-proxy setting', () => {
  it('sends Strict-Transport-Security over HTTPS: direct, or from a trusted proxy that says so', async () => {
    const plain = await request(fx.port, '/');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // Without SYNC_RUNS_TRUST_PROXY=1, anyone can send this header: it is ignored.
    const claimed = await request(fx.port, '/', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(claimed.headers['strict-transport-security']).toBeUndefined();

    const trusted = await fx.another({ SYNC_RUNS_TRUST_PROXY: '1' });
    try {
      for (const path of ['/', '/config.json', '/healthz', '/assets/app-abc123.js', '/nope.txt']) {
        const res = await request(trusted.port, path, {
          headers: { 'X-Forwarded-Proto': 'https' },
        });
        expect(res.headers['strict-transport-security'], path).toBe(HSTS);
      }
      const overHttp = await request(trusted.port, '/', {
        headers: { 'X-Forwarded-Proto': 'http' },
      });
      expect(overHttp.headers['strict-transport-security']).toBeUndefined();
      expect(
        (await request(trusted.port, '/')).headers['strict-transport-security'],
      ).toBeUndefined();
    } finally {
      await close(trusted.server);
    }

    const { tls, tlsPort } = await overTls(fx.server);
    try {
      expect((await tlsGet(tlsPort, '/'))['strict-transport-security']).toBe(HSTS);
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });

  it('builds config.json from forwarding headers only when SYNC_RUNS_TRUST_PROXY=1', async () => {
    const forged = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example' };
    const direct = await request(fx.port, '/config.json', { headers: forged });
    expect(JSON.parse(direct.text).apiBaseUrl).toBe(`http://127.0.0.1:${fx.port}`);

    const trusted = await fx.another({ SYNC_RUNS_TRUST_PROXY: '1' });
    try {
      const behindTls = await request(trusted.port, '/config.json', {
        headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'dash.example.com' },
      });
      expect(JSON.parse(behindTls.text).apiBaseUrl).toBe('https://dash.example.com');
    } finally {
      await close(trusted.server);
    }
    expect(fx.config.trustProxy).toBe(false);
  });
});

describe('config.json spellings', () => {
  it('serves config.json only as /config.json: other spellings never serve it or a stale copy', async () => {
    const spellings = [
      '/config.json/',
      '//config.json',
      '/%63onfig.json',
      '/config%2Ejson',
      '/config%2ejson',
      '/CONFIG.JSON',
      '/Config.Json',
      '/config.json%2F',
    ];
    for (const path of spellings) {
      for (const accept of ['*/*', 'text/html', 'application/json']) {
        const res = await request(fx.port, path, { headers: { Accept: accept } });
        const label = `${path} (${accept})`;
        expect(res.text, label).not.toContain('apiBaseUrl');
        expect(res.text, label).not.toContain(STALE_CONFIG);
        if (res.status === 200) expect(res.text, label).toBe(INDEX);
        else expect(res.status, label).toBe(404);
        expect(res.headers['cache-control'], label).not.toContain('immutable');
      }
    }
    const real = await request(fx.port, '/config.json');
    expect(real.status).toBe(200);
    expect(JSON.parse(real.text).apiBaseUrl).toBe(`http://127.0.0.1:${fx.port}`);
  });
});

describe('source maps', () => {
  it('are not served unless SYNC_RUNS_SERVE_SOURCEMAPS=1', async () => {
    for (const path of [
      '/assets/app-abc123.js.map',
      '/assets/app-abc123.js.MAP',
      '/assets/app-abc123.js%2Emap',
      '/assets/app-abc123.js.map/',
      '/assets/app-abc123.js.map.gz',
    ]) {
      for (const method of ['GET', 'HEAD']) {
        const res = await request(fx.port, path, { method, headers: { Accept: 'text/html' } });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.text, path).not.toContain('secret-source');
      }
    }
    expect((await request(fx.port, '/assets/app-abc123.js')).status).toBe(200);

    const debug = await fx.another({ SYNC_RUNS_SERVE_SOURCEMAPS: '1' });
    try {
      const map = await request(debug.port, '/assets/app-abc123.js.map');
      expect(map.status).toBe(200);
      expect(map.text).toBe(SOURCE_MAP);
    } finally {
      await close(debug.server);
    }
    expect(() => loadServerConfig(fx.env({ SYNC_RUNS_SERVE_SOURCEMAPS: 'true' }))).toThrow(
      /SYNC_RUNS_SERVE_SOURCEMAPS: must be 0 or 1/,
    );
  });
});
