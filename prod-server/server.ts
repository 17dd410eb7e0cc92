// The production HTTP server: routing, health checks, security headers and graceful shutdown.
import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadServerConfig, type ServerConfig } from './config.ts';
import { createConfigJsonHandler } from './config-json.ts';
import { applySecurityHeaders, buildCsp } from './csp.ts';
import { logError, logRequest, stdoutSink, type LogSink } from './logging.ts';
import { createApiProxy } from './proxy.ts';
import { sendApiError, sendJson, sendText } from './respond.ts';
import { createStaticHandler } from './static.ts';

export const SHUTDOWN_GRACE_MS = 10_000;

export type ProdServerOptions = { log?: LogSink };

export function createProdServer(
  config: ServerConfig,
  options: ProdServerOptions = {},
): http.Server {
  const log = options.log ?? stdoutSink;
  const csp = buildCsp(config);
  const base = config.basePath;
  const apiPrefix = `${base}public-api`;
  const serveStatic = createStaticHandler({ distDir: config.distDir });
  const serveConfigJson = createConfigJsonHandler(config);
  const proxyApi = config.proxy.enabled ? createApiProxy(config.proxy) : null;

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
    if (pathname === '/healthz') return sendJson(req, res, 200, { status: 'ok' });
    if (pathname === '/readyz') {
      const ready = server.listening && (await exists(join(config.distDir, 'index.html')));
      return sendJson(req, res, ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready' });
    }
    if (base !== '/' && pathname === base.slice(0, -1)) {
      return sendText(req, res, 308, 'Moved', { Location: `${base}${search}` });
    }
    if (!pathname.startsWith(base)) return sendText(req, res, 404, 'Not found');
    const rest = pathname.slice(base.length);
    if (rest === 'config.json') return serveConfigJson(req, res);
    return serveStatic(req, res, rest);
  }

  const server = http.createServer((req, res) => {
    const requestId = randomUUID();
    logRequest(req, res, requestId, log);
    applySecurityHeaders(res, csp);
    // While draining, finish this response and close the connection instead of keeping it alive.
    if (!server.listening) res.setHeader('Connection', 'close');
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
  // Longer than common load-balancer idle timeouts (60 s), so the balancer closes first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
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

/**
 * Stops accepting connections, lets in-flight requests finish for up to `graceMs`, then cuts what
 * is left. Resolves 'clean' or 'forced'.
 */
export function gracefulClose(
  server: http.Server,
  graceMs: number = SHUTDOWN_GRACE_MS,
): Promise<'clean' | 'forced'> {
  return new Promise((resolve) => {
    // Keep-alive connections become idle as their last response ends: close them as they do.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const timer = setTimeout(() => {
      clearInterval(sweep);
      server.closeAllConnections();
      resolve('forced');
    }, graceMs);
    sweep.unref();
    timer.unref();
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(timer);
      resolve('clean');
    });
    server.closeIdleConnections();
  });
}

export type StartedServer = {
  server: http.Server;
  url: string;
  close: () => Promise<'clean' | 'forced'>;
};

/** Loads the configuration from the environment (unless given), listens, and handles SIGTERM/SIGINT. */
export async function startProdServer(
  config: ServerConfig = loadServerConfig(),
  options: ProdServerOptions & { handleSignals?: boolean } = {},
): Promise<StartedServer> {
  const log = options.log ?? stdoutSink;
  const server = createProdServer(config, { log });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const wildcard = ['0.0.0.0', '::', ''].includes(config.host);
  const host = wildcard
    ? 'localhost'
    : config.host.includes(':')
      ? `[${config.host}]`
      : config.host;
  const url = `http://${host}:${port}${config.basePath}`;

  if (options.handleSignals ?? true) {
    let closing = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        log(JSON.stringify({ time: new Date().toISOString(), event: 'shutdown_forced', signal }));
        process.exit(1);
      }
      closing = true;
      log(JSON.stringify({ time: new Date().toISOString(), event: 'shutdown', signal }));
      void gracefulClose(server).then((result) => {
        log(JSON.stringify({ time: new Date().toISOString(), event: 'stopped', result }));
        process.exit(result === 'clean' ? 0 : 1);
      });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
  return { server, url, close: () => gracefulClose(server) };
}
