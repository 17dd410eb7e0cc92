// The production HTTP server: routing, health checks, security headers and graceful shutdown.
import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { sendHealth, sendReadiness } from '../server-kit/health.ts';
import { listen, urlHost } from '../server-kit/listen.ts';
import { createLogger, stdoutSink, type LogSink } from '../server-kit/log.ts';
import { sendText } from '../server-kit/responses.ts';
import {
  drain,
  gracefulClose,
  handleShutdownSignals,
  isDraining,
  type CloseResult,
} from '../server-kit/shutdown.ts';
import { loadServerConfig, type ServerConfig } from './config.ts';
import { createConfigJsonHandler } from './config-json.ts';
import { applySecurityHeaders, securityHeaders } from './csp.ts';
import { requestProto } from './forwarding.ts';
import { logError, logRequest } from './logging.ts';
import { createApiProxy } from './proxy.ts';
import { sendApiError } from './respond.ts';
import { createStaticHandler } from './static.ts';

export { drain as shutdown, gracefulClose, SHUTDOWN_GRACE_MS } from '../server-kit/shutdown.ts';

/** The whole request (headers and body) must arrive within this; for GET/HEAD, the headers. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** A slow client's headers are cut off after this (idle keep-alive time does not count). */
export const HEADERS_TIMEOUT_MS = 15_000;
/** Longer than common load-balancer idle timeouts (60 s), so the balancer closes first. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** A socket idle this much longer than the proxy timeout is closed. */
export const SOCKET_IDLE_MARGIN_MS = 10_000;

export type ProdServerOptions = { log?: LogSink };

export function createProdServer(
  config: ServerConfig,
  options: ProdServerOptions = {},
): http.Server {
  const log = createLogger(options.log ?? stdoutSink);
  const headers = { http: securityHeaders(config, false), https: securityHeaders(config, true) };
  const base = config.basePath;
  const apiPrefix = `${base}public-api`;
  const serveStatic = createStaticHandler(config);
  const serveConfigJson = createConfigJsonHandler(config);
  const proxyApi = config.proxy.enabled ? createApiProxy(config) : null;

  async function route(req: http.IncomingMessage, res: http.ServerResponse, requestId: string) {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const search = q === -1 ? '' : rawUrl.slice(q);
    if (!pathname.startsWith('/')) return sendText(req, res, 400, 'Bad request');

    if (pathname === apiPrefix || pathname.startsWith(`${apiPrefix}/`)) {
      const path = pathname.slice(base.length - 1);
      if (proxyApi) return proxyApi(req, res, { path, search }, requestId);
      return sendApiError(
        req,
        res,
        404,
        'not_found',
        'This server does not proxy the API (SYNC_RUNS_PROXY_API is not 1); config.json apiBaseUrl should point at the API.',
        requestId,
      );
    }

    res.setHeader('X-Request-Id', requestId);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(req, res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    if (pathname === '/healthz') return sendHealth(req, res, 'ok');
    if (pathname === '/readyz') {
      if (isDraining(server)) return sendReadiness(req, res, 'draining');
      const ready = server.listening && (await exists(join(config.distDir, 'index.html')));
      return sendReadiness(req, res, ready ? 'ready' : 'not_ready');
    }
    if (base !== '/' && pathname === base.slice(0, -1)) {
      return sendText(req, res, 308, 'Moved', { Location: `${base}${search}` });
    }
    if (!pathname.startsWith(base)) return sendText(req, res, 404, 'Not found');
    const rest = pathname.slice(base.length);
    if (rest === 'config.json') return serveConfigJson(req, res);
    return serveStatic(req, res, rest);
  }

  const timeouts = { requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS };
  const server = http.createServer(timeouts, (req, res) => {
    const requestId = randomUUID();
    logRequest(req, res, requestId, log);
    applySecurityHeaders(res, headers[requestProto(req, config.trustProxy)]);
    // While draining, finish this response and close the connection instead of keeping it alive.
    if (isDraining(server) || !server.listening) res.setHeader('Connection', 'close');
    route(req, res, requestId).catch((error: unknown) => {
      if (
        res.destroyed ||
        (error as NodeJS.ErrnoException)?.code === 'ERR_STREAM_PREMATURE_CLOSE'
      ) {
        return; // the client went away mid-response
      }
      logError(log, requestId, error);
      if (!res.headersSent) sendText(req, res, 500, 'Internal server error');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.timeout = config.proxy.timeoutMs + SOCKET_IDLE_MARGIN_MS;
  server.maxConnections = config.maxConnections;
  return server;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export type StartedServer = {
  server: http.Server;
  url: string;
  close: () => Promise<CloseResult>;
};

/**
 * Loads the configuration from the environment (unless given), listens, and handles SIGTERM/SIGINT
 * (server-kit/shutdown.ts: readiness 503, SYNC_RUNS_SHUTDOWN_DELAY_MS, stop accepting, close).
 */
export async function startProdServer(
  config: ServerConfig = loadServerConfig(),
  options: ProdServerOptions & { handleSignals?: boolean } = {},
): Promise<StartedServer> {
  const sink = options.log ?? stdoutSink;
  const server = createProdServer(config, { log: sink });
  const port = await listen(server, config.port, config.host);
  const url = `http://${urlHost(config.host, 'localhost')}:${port}${config.basePath}`;

  if (options.handleSignals ?? true) {
    handleShutdownSignals({
      log: createLogger(sink),
      delayMs: config.shutdownDelayMs,
      stop: (delayMs) => drain(server, { delayMs }),
    });
  }
  return { server, url, close: () => gracefulClose(server) };
}
