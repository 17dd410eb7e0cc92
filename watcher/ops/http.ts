// The watcher's operations endpoint: GET /healthz (alive, with what is degraded), /readyz (503 until
// the first polls ran and again while shutting down), /metrics, and /notices (recent notices). Every
// request must be addressed to loopback or a configured name; all but the first three need the
// bearer token when there is one, and there must be one when listening beyond loopback.
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import {
  hasBearerToken,
  isAllowedHost,
  isLoopbackBind,
  OPEN_PATHS,
  OpsTokenMissingError,
  servedHostNames,
} from './guard.ts';
import { overall, type WatcherStatus } from './status.ts';

export function startOpsServer(options: {
  host: string;
  port: number;
  status: () => WatcherStatus;
  registry: Registry;
  /** Recent notices and their deliveries (the database is locked by the running watcher). */
  history?: (limit: number) => unknown;
  /** Names (besides localhost, 127.0.0.1 and [::1]) that requests may be addressed to. */
  allowedHosts?: readonly string[];
  /** The bearer token; required when `host` is beyond loopback. Never logged. */
  token?: string | null;
  /** The environment variable the token comes from, for the message when it is missing. */
  tokenEnv?: string;
}): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const token = options.token || null;
  if (!token && !isLoopbackBind(options.host))
    return Promise.reject(
      new OpsTokenMissingError(options.host, options.tokenEnv ?? 'WATCHER_OPS_TOKEN'),
    );
  const allowedHosts = servedHostNames(options.host, options.allowedHosts ?? []);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (code: number, type: string, body: string, headers: object = {}) => {
      res.writeHead(code, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (!isAllowedHost(req.headers.host, allowedHosts))
      return send(421, 'text/plain', 'this host name is not served here\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'GET only\n');
    if (!OPEN_PATHS.has(path ?? '') && token && !hasBearerToken(req.headers.authorization, token))
      return send(401, 'text/plain', 'a bearer token is required\n', {
        'WWW-Authenticate': 'Bearer realm="sync-runs-watcher"',
      });
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
