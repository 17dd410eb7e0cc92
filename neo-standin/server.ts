// The stand-in as a real HTTP server (node:http) for `npm start`, the end-to-end tests and benchmarks.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { listen, urlHost } from '../server-kit/listen.ts';
import { createAuthenticator } from './auth.ts';
import { resolveConfig, type StandinConfig } from './config.ts';
import { HOUR } from './core/clock.ts';
import { createDemoTenant } from './core/demo-tenant.ts';
import { errorResponse, newRequestId, type StandinResponse } from './core/envelope.ts';
import { createStandinApi, type StandinApi } from './core/sync-runs-endpoint.ts';
import { createRng } from './core/random.ts';
import { corsHeaders, preflightHeaders } from './cors.ts';

export type StandinServer = {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  config: StandinConfig;
  close(): Promise<void>;
};

export function createApiFromConfig(config: StandinConfig): StandinApi {
  const tenant = createDemoTenant({
    seed: config.seed,
    historyDays: config.historyDays,
    cadenceMinutes: config.cadenceMinutes,
    everyIntegrationSyncs: config.everyIntegrationSyncs,
    // The tenant's "today" comes from the same (possibly injected) clock as everything else.
    referenceTime: config.referenceTime ?? Math.floor(config.clock() / HOUR) * HOUR,
  });
  return createStandinApi({
    tenant,
    now: config.clock,
    authenticate: createAuthenticator(config),
    rateLimit: { limit: config.rateLimit, windowMs: config.rateLimitWindowMs },
    faults: {
      rate5xx: config.fault5xxRate,
      rate429: config.fault429Rate,
      seed: config.seed,
      paging: config.pagingFault,
      tokenExpiresAfter: config.tokenExpiresAfter,
    },
  });
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return headers;
}

function send(
  res: ServerResponse,
  response: StandinResponse,
  extra: Record<string, string>,
  cutOff = false,
) {
  const body = response.status === 204 ? '' : JSON.stringify(response.body);
  res.writeHead(response.status, {
    ...response.headers,
    ...extra,
    'Content-Length': String(Buffer.byteLength(body)),
  });
  if (!cutOff) {
    res.end(body);
    return;
  }
  // Half the promised body, then the connection goes away: the client must notice.
  res.write(body.slice(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
}

function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string>) {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(JSON.stringify(body));
}

/**
 * GET /_standin/count?integration=&since=&until= and GET /_standin/stats: the stand-in's own view,
 * for tests that compare what a client loaded with what exists and check how it behaved.
 */
function inspect(api: StandinApi, url: URL, faults: { dropped: number; truncated: number }) {
  if (url.pathname === '/_standin/stats') return { ...api.stats(), ...faults };
  const since = Date.parse(url.searchParams.get('since') ?? '');
  const until = Date.parse(url.searchParams.get('until') ?? '');
  const name = url.searchParams.get('integration') ?? '';
  if (!name || Number.isNaN(since) || Number.isNaN(until)) return null;
  return { integration: name, runs: api.countRuns(name, since, until) };
}

/** Starts the stand-in; env knobs (config.ts) apply unless `options` says otherwise. */
export async function startStandin(options: Partial<StandinConfig> = {}): Promise<StandinServer> {
  const config = resolveConfig(options);
  const api = createApiFromConfig(config);
  // Connection-level faults (the platform-neutral core cannot drop a socket).
  const connectionRng = createRng(config.seed, 'connection-faults');
  const connectionFaults = { dropped: 0, truncated: 0 };

  const server = createServer((req, res) => {
    const cors = corsHeaders(req.headers.origin, config.corsOrigins);
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...preflightHeaders(req.headers.origin, config.corsOrigins),
        Allow: 'GET, OPTIONS',
      });
      res.end();
      return;
    }
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
        ...cors,
      });
      res.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (path?.startsWith('/_standin/') && req.method === 'GET') {
      const body = inspect(
        api,
        new URL(req.url ?? '/', 'http://standin.invalid'),
        connectionFaults,
      );
      json(
        res,
        body ? 200 : 400,
        body ?? { error: 'integration, since and until are required' },
        cors,
      );
      return;
    }
    const roll = connectionRng();
    if (path?.startsWith('/public-api/') && roll < config.faultDropRate) {
      connectionFaults.dropped += 1;
      req.socket.destroy();
      return;
    }
    const cutOff =
      path?.startsWith('/public-api/') === true &&
      roll < config.faultDropRate + config.faultTruncateRate;
    if (cutOff) connectionFaults.truncated += 1;
    void (async () => {
      let response: StandinResponse;
      try {
        response = await api.handle({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: requestHeaders(req),
        });
      } catch (error) {
        console.error('neo-standin: unexpected error', error);
        response = errorResponse(newRequestId(), 500, {
          code: 'internal_error',
          message: 'The stand-in failed unexpectedly; see its log.',
        });
      }
      if (config.latencyMs > 0) await sleep(config.latencyMs);
      send(res, response, cors, cutOff);
    })();
  });
  server.keepAliveTimeout = 5_000;

  const port = await listen(server, config.port, config.host);
  return {
    url: `http://${urlHost(config.host, '127.0.0.1')}:${port}`,
    port,
    config,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
