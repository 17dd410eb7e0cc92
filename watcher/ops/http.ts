// The watcher's operations endpoint: GET /healthz (alive, with what is degraded), /readyz (503 until
// the first polls ran and again while shutting down), /metrics, and /notices (recent notices), with
// the server kit's responses, health bodies and graceful close. Every
// request must be addressed to loopback or a configured name; all but the first three need the
// bearer token when there is one, and there must be one when listening beyond loopback.
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { readiness, sendHealth, sendReadiness } from '../../server-kit/health.ts';
import { listen, urlHost } from '../../server-kit/listen.ts';
import { send, sendJson, sendText } from '../../server-kit/responses.ts';
import { gracefulClose, isDraining, type CloseResult } from '../../server-kit/shutdown.ts';
import {
  hasBearerToken,
  isAllowedHost,
  isLoopbackBind,
  OPEN_PATHS,
  OpsTokenMissingError,
  servedHostNames,
} from './guard.ts';
import { overall, type WatcherStatus } from './status.ts';

export type OpsServer = { server: Server; url: string; close(): Promise<CloseResult> };

export async function startOpsServer(options: {
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
}): Promise<OpsServer> {
  const token = options.token || null;
  if (!token && !isLoopbackBind(options.host))
    throw new OpsTokenMissingError(options.host, options.tokenEnv ?? 'WATCHER_OPS_TOKEN');
  const allowedHosts = servedHostNames(options.host, options.allowedHosts ?? []);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '';
    if (!isAllowedHost(req.headers.host, allowedHosts))
      return sendText(req, res, 421, 'this host name is not served here');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(req, res, 405, 'GET only', { Allow: 'GET, HEAD' });
    if (!OPEN_PATHS.has(path) && token && !hasBearerToken(req.headers.authorization, token))
      return sendText(req, res, 401, 'a bearer token is required', {
        'WWW-Authenticate': 'Bearer realm="sync-runs-watcher"',
      });
    if (path === '/healthz') {
      const status = options.status();
      return sendHealth(req, res, overall(status), status);
    }
    if (path === '/readyz') {
      const { ready, shuttingDown } = options.status();
      const draining = shuttingDown || isDraining(server);
      return sendReadiness(req, res, readiness({ ready, draining }));
    }
    if (path === '/notices' && options.history) {
      const limit = Number(new URL(req.url ?? '/', 'http://ops').searchParams.get('limit') ?? 20);
      return sendJson(req, res, 200, options.history(Math.min(200, Math.max(1, limit || 20))));
    }
    if (path === '/metrics') {
      void options.registry
        .metrics()
        .then((text) => send(req, res, 200, options.registry.contentType, text))
        .catch(() => sendText(req, res, 500, 'metrics unavailable'));
      return;
    }
    sendText(req, res, 404, 'not found');
  });
  const port = await listen(server, options.port, options.host);
  return {
    server,
    url: `http://${urlHost(options.host)}:${port}`,
    close: () => gracefulClose(server),
  };
}
