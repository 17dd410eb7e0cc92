// The watcher's operations endpoint: GET /healthz (alive, with what is degraded), /readyz (503 until
// the first polls ran and again while shutting down), /notices (recent notices) and /metrics.
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { overall, type WatcherStatus } from './status.ts';

export function startOpsServer(options: {
  host: string;
  port: number;
  status: () => WatcherStatus;
  registry: Registry;
  /** Recent notices and their deliveries (the database is locked by the running watcher). */
  history?: (limit: number) => unknown;
}): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (code: number, type: string, body: string) => {
      res.writeHead(code, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'GET only\n');
    if (path === '/healthz') {
      const status = options.status();
      return send(200, 'application/json', JSON.stringify({ status: overall(status), ...status }));
    }
    if (path === '/readyz') {
      const { ready, shuttingDown } = options.status();
      const ok = ready && !shuttingDown;
      return send(ok ? 200 : 503, 'application/json', JSON.stringify({ ready: ok, shuttingDown }));
    }
    if (path === '/notices' && options.history) {
      const limit = Number(new URL(req.url ?? '/', 'http://ops').searchParams.get('limit') ?? 20);
      const history = options.history(Math.min(200, Math.max(1, limit || 20)));
      return send(200, 'application/json', JSON.stringify(history));
    }
    if (path === '/metrics') {
      void options.registry
        .metrics()
        .then((text) => send(200, options.registry.contentType, text))
        .catch(() => send(500, 'text/plain', 'metrics unavailable\n'));
      return;
    }
    send(404, 'text/plain', 'not found\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        server,
        url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
