// @vitest-environment node
// The kit's responses and health bodies, over real HTTP: what a probe or a client sees.
import { createServer, request, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { readiness, sendHealth, sendReadiness } from './health.ts';
import { listen, urlHost } from './listen.ts';
import { sendJson, sendText } from './responses.ts';
import { drain, gracefulClose, isDraining } from './shutdown.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await gracefulClose(server, 100);
});

type Answer = { status: number; headers: Record<string, unknown>; body: string };

function call(port: number, path: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<[Server, number]> {
  const server = createServer(handler);
  servers.push(server);
  return [server, await listen(server, 0, '127.0.0.1')];
}

describe('responses', () => {
  it('carry their length and no-store, and no body for HEAD', async () => {
    const [, port] = await serve((req, res) => {
      if (req.url === '/cached') res.setHeader('Cache-Control', 'public, max-age=60');
      if (req.url === '/json') return sendJson(req, res, 201, { a: 'é' });
      sendText(req, res, 404, 'not found', { 'X-Extra': '1' });
    });
    const json = await call(port, '/json');
    expect(json).toMatchObject({ status: 201, body: '{"a":"é"}' });
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-length']).toBe(String(Buffer.byteLength('{"a":"é"}')));
    expect(json.headers['cache-control']).toBe('no-store');
    const text = await call(port, '/nope');
    expect(text).toMatchObject({ status: 404, body: 'not found\n' });
    expect(text.headers['x-extra']).toBe('1');
    const head = await call(port, '/json', 'HEAD');
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(json.headers['content-length']);
    expect((await call(port, '/cached')).headers['cache-control']).toBe('public, max-age=60');
  });
});

describe('health and readiness bodies', () => {
  it('/readyz is {status} with 200 only when ready; draining wins', async () => {
    expect(readiness({ ready: true, draining: false })).toBe('ready');
    expect(readiness({ ready: false, draining: false })).toBe('not_ready');
    expect(readiness({ ready: true, draining: true })).toBe('draining');
    const [, port] = await serve((req, res) => {
      const status = (req.url ?? '/').slice(1) as 'ready' | 'not_ready' | 'draining';
      sendReadiness(req, res, status);
    });
    expect(await call(port, '/ready')).toMatchObject({ status: 200, body: '{"status":"ready"}' });
    for (const status of ['not_ready', 'draining'])
      expect(await call(port, `/${status}`)).toMatchObject({
        status: 503,
        body: JSON.stringify({ status }),
      });
  });

  it('/healthz is 200 with the status first; details never overwrite it', async () => {
    const [, port] = await serve((req, res) =>
      sendHealth(req, res, 'degraded', { status: 'ok', integrations: { a: 1 } }),
    );
    const answer = await call(port, '/healthz');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('{"status":"degraded","integrations":{"a":1}}');
  });
});

describe('draining', () => {
  it('marks the server draining at once, keeps serving during the delay, then closes', async () => {
    const [server, port] = await serve((req, res) =>
      sendReadiness(req, res, readiness({ ready: true, draining: isDraining(server) })),
    );
    expect((await call(port, '/readyz')).status).toBe(200);
    const closing = drain(server, { delayMs: 200, graceMs: 1000 });
    expect(isDraining(server)).toBe(true);
    expect(await call(port, '/readyz')).toMatchObject({
      status: 503,
      body: '{"status":"draining"}',
    });
    expect(await closing).toBe('clean');
    await expect(call(port, '/readyz')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('spells hosts as URLs do', () => {
    expect(urlHost('::1')).toBe('[::1]');
    expect(urlHost('0.0.0.0', 'localhost')).toBe('localhost');
    expect(urlHost('::', '127.0.0.1')).toBe('127.0.0.1');
    expect(urlHost('0.0.0.0')).toBe('0.0.0.0');
    expect(urlHost('example.com', 'localhost')).toBe('example.com');
  });
});
