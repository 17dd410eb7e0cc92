// @vitest-environment node
// Health and readiness, the access log and graceful shutdown.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig, REPO_ROOT } from './config.ts';
import { inlineScripts } from './dist-check.ts';
import { redactUrl } from './logging.ts';
import { createProdServer, gracefulClose, shutdown } from './server.ts';
import {
  close,
  INDEX,
  listen,
  request,
  runsPath,
  useFixture,
  TOKEN,
  UUID,
} from './test-support.ts';

const fx = useFixture();

describe('health, logs and shutdown', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await request(fx.port, '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ status: 'ok' });
    expect((await request(fx.port, '/readyz')).status).toBe(200);
    const empty = createProdServer(
      { ...fx.config, distDir: join(fx.root, 'nowhere') },
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
    fx.logs.length = 0;
    await request(
      fx.port,
      '/public-api/integrations/halopsa/sync-runs?access_token=qs-secret&code=auth-code&cursor=c1',
      {
        headers: { Authorization: `Bearer ${TOKEN}`, Cookie: 'msal=cookie-secret' },
      },
    );
    await request(fx.port, `/?id_token=${TOKEN}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fx.logs).toHaveLength(2);
    for (const line of fx.logs) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('super-secret-payload');
      expect(line).not.toContain('qs-secret');
      expect(line).not.toContain('auth-code');
      expect(line).not.toContain('cookie-secret');
    }
    const proxied = JSON.parse(fx.logs[0]!);
    expect(proxied).toMatchObject({
      level: 'info',
      msg: 'request',
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
    const draining = createProdServer(fx.config, { log: () => {} });
    const drainingPort = await listen(draining);
    const inFlight = new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: drainingPort, path: runsPath('stream') },
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
    setTimeout(() => fx.upstream.releaseStream(), 50);
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

describe('socket limits', () => {
  it('sets request, header, keep-alive and idle timeouts and caps connections', async () => {
    expect(fx.server.requestTimeout).toBe(30_000);
    expect(fx.server.headersTimeout).toBe(15_000);
    expect(fx.server.keepAliveTimeout).toBe(65_000);
    // Idle sockets are cut, but never before a proxied request could have timed out.
    expect(fx.server.timeout).toBe(fx.config.proxy.timeoutMs + 10_000);
    expect(fx.server.maxConnections).toBe(1024);

    const capped = await fx.another({ SYNC_RUNS_MAX_CONNECTIONS: '2' });
    expect(capped.server.maxConnections).toBe(2);
    const sockets: Socket[] = [];
    const open = () =>
      new Promise<Socket>((resolve) => {
        const socket = connect(capped.port, '127.0.0.1', () => resolve(socket));
        socket.on('error', () => {});
        sockets.push(socket);
      });
    const connections = () =>
      new Promise<number>((resolve) => capped.server.getConnections((_, n) => resolve(n)));
    try {
      await open();
      await open();
      await expect.poll(connections).toBe(2);
      const third = await open();
      await new Promise((resolve) => third.once('close', resolve)); // dropped by the server
      expect(await connections()).toBe(2);
      sockets[0]!.destroy();
      await expect.poll(connections).toBe(1);
      expect((await request(capped.port, '/healthz')).status).toBe(200);
    } finally {
      for (const socket of sockets) socket.destroy();
      await close(capped.server);
    }
    for (const value of ['0', 'many', '-1']) {
      expect(() => loadServerConfig(fx.env({ SYNC_RUNS_MAX_CONNECTIONS: value }))).toThrow(
        /SYNC_RUNS_MAX_CONNECTIONS: must be a whole number/,
      );
    }
  });
});

describe('readiness during shutdown', () => {
  it('turns /readyz 503 once shutdown begins, keeps /healthz, then stops accepting', async () => {
    const server = createProdServer(fx.config, { log: () => {} });
    const serverPort = await listen(server);
    expect((await request(serverPort, '/readyz')).status).toBe(200);
    const closing = shutdown(server, { delayMs: 300, graceMs: 2000 });
    const ready = await request(serverPort, '/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toEqual({ status: 'draining' });
    expect(ready.headers.connection).toBe('close');
    expect((await request(serverPort, '/healthz')).status).toBe(200);
    expect(await closing).toBe('clean');
    await expect(request(serverPort, '/healthz')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('on SIGTERM, `npm run serve` answers /readyz 503 during SYNC_RUNS_SHUTDOWN_DELAY_MS, then exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'prod-server/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...fx.env({ PORT: '0', HOST: '127.0.0.1', SYNC_RUNS_SHUTDOWN_DELAY_MS: '1500' }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const match = /served at (http:\/\/\S+)/.exec(stderr);
          if (match) resolve(match[1]!);
        });
        child.once('exit', () => reject(new Error(`exited early: ${stderr}`)));
      });
      const childPort = Number(new URL(url).port);
      expect((await request(childPort, '/readyz')).status).toBe(200);
      child.kill('SIGTERM');
      await expect
        .poll(async () => (await request(childPort, '/readyz')).status, { timeout: 1000 })
        .toBe(503);
      expect((await request(childPort, '/healthz')).status).toBe(200);
      expect(await exited).toBe(0);
      expect(stdout).toContain('"msg":"shutdown"');
      expect(stdout).toContain('"result":"clean"');
    } finally {
      child.kill('SIGKILL');
    }
    expect(() => loadServerConfig(fx.env({ SYNC_RUNS_SHUTDOWN_DELAY_MS: 'soon' }))).toThrow(
      /SYNC_RUNS_SHUTDOWN_DELAY_MS: must be a whole number/,
    );
  });
});
