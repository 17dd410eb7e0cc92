// Same-origin proxy for Neo's API: `<base>public-api/integrations/{name}/sync-runs` (the one route
// the dashboard reads) → SYNC_RUNS_UPSTREAM_API, streamed, GET/HEAD only.
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { syncRunsRoute, type ApiRoute } from './api-route.ts';
import type { ServerConfig } from './config.ts';
import { forwardingHeaders } from './forwarding.ts';
import { sendApiError } from './respond.ts';

/** Request headers the upstream sees, besides forwardingHeaders(); nothing else (no cookies). */
const FORWARD_REQUEST = [
  'authorization',
  'accept',
  'accept-encoding',
  'user-agent',
  'if-none-match',
];
/** Passed on from Neo's answer; never Cache-Control (an API answer is always `no-store` here). */
const PASS_RESPONSE = [
  'content-type',
  'content-encoding',
  'content-length',
  'etag',
  'last-modified',
  'vary',
  'retry-after',
  'www-authenticate',
  'x-request-id',
];

/** What an upstream error keeps when its non-JSON body is replaced by Neo's envelope. */
const KEEP_ON_ERROR = /^(?:retry-after|www-authenticate|x-ratelimit-[a-z-]+)$/;

export type ProxyTarget = {
  /** The path below the base path, starting with `/public-api`, still percent-encoded. */
  path: string;
  /** `?…` or empty, passed on untouched. */
  search: string;
};

/** `application/json` or `application/<something>+json` (e.g. problem+json). */
function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** Answers what the proxy refuses (another route, a method other than GET/HEAD); else the path. */
function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  route: ApiRoute,
  requestId: string,
): string | null {
  if (!route.ok) {
    if (route.status === 400)
      sendApiError(req, res, 400, 'bad_request', 'The request path is not valid.', requestId);
    else
      sendApiError(
        req,
        res,
        404,
        'not_found',
        'This server relays only GET /public-api/integrations/{name}/sync-runs.',
        requestId,
      );
    return null;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendApiError(req, res, 405, 'method_not_allowed', 'Only GET and HEAD are proxied.', requestId, {
      Allow: 'GET, HEAD',
    });
    return null;
  }
  return route.path;
}

/** What the upstream sees: forwardingHeaders() and the few request headers it needs, no cookies. */
function upstreamHeaders(req: IncomingMessage, trustProxy: boolean): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = forwardingHeaders(req, trustProxy);
  for (const name of FORWARD_REQUEST) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/** Neo's answer, streamed; a non-JSON one (a gateway's HTML page) becomes Neo's error envelope. */
function relayAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  upstreamRes: IncomingMessage,
  requestId: string,
): void {
  const status = upstreamRes.statusCode ?? 502;
  if (status !== 204 && status !== 304 && !isJson(upstreamRes.headers['content-type'])) {
    // An HTML (or other) page from a gateway in front of Neo is never served on our origin.
    upstreamRes.resume();
    const failed = status >= 400;
    const kept: Record<string, string> = {};
    for (const [name, value] of Object.entries(upstreamRes.headers)) {
      if (failed && typeof value === 'string' && KEEP_ON_ERROR.test(name)) kept[name] = value;
    }
    return sendApiError(
      req,
      res,
      failed ? status : 502,
      failed ? 'upstream_error' : 'upstream_invalid_response',
      `The Neo API answered ${status} without a JSON body.`,
      requestId,
      kept,
    );
  }
  res.statusCode = status;
  for (const [name, value] of Object.entries(upstreamRes.headers)) {
    if (value !== undefined && (PASS_RESPONSE.includes(name) || name.startsWith('x-ratelimit-'))) {
      res.setHeader(name, value);
    }
  }
  // Whatever Neo (or a gateway before it) says: a tenant's runs are never kept by a cache.
  res.setHeader('Cache-Control', 'no-store');
  pipeline(upstreamRes, res, () => {
    // Errors here mean one side went away; pipeline has already destroyed both streams.
  });
}

export function createApiProxy({
  proxy: config,
  trustProxy,
}: Pick<ServerConfig, 'proxy' | 'trustProxy'>) {
  const upstream = new URL(config.upstream);
  const client = upstream.protocol === 'https:' ? https : http;
  const agent = new client.Agent({ keepAlive: true, maxSockets: 256 });
  const prefix = upstream.pathname.replace(/\/+$/, '');

  return function proxyApi(
    req: IncomingMessage,
    res: ServerResponse,
    target: ProxyTarget,
    requestId: string,
  ): void {
    const path = refuse(req, res, syncRunsRoute(target.path), requestId);
    if (path === null) return;

    const controller = new AbortController();
    let outcome: 'pending' | 'responded' | 'failed' | 'timeout' | 'client-gone' = 'pending';
    const timeOut = () => {
      if (outcome !== 'pending') return;
      outcome = 'timeout';
      controller.abort();
      sendApiError(
        req,
        res,
        504,
        'upstream_timeout',
        `The Neo API did not answer within ${config.timeoutMs} ms.`,
        requestId,
      );
    };
    const timer = setTimeout(timeOut, config.timeoutMs);
    res.once('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished) {
        if (outcome === 'pending') outcome = 'client-gone';
        controller.abort();
      }
    });

    const upstreamReq = client.request({
      protocol: upstream.protocol,
      hostname: upstream.hostname,
      port: upstream.port || undefined,
      path: `${prefix}${path}${target.search}`,
      method: req.method,
      headers: upstreamHeaders(req, trustProxy),
      agent,
      signal: controller.signal,
    });
    // Socket idle for the whole timeout: before the headers that is a 504; during the body, a cut.
    upstreamReq.setTimeout(config.timeoutMs, () => {
      timeOut();
      upstreamReq.destroy(new Error('upstream idle'));
    });

    upstreamReq.once('response', (upstreamRes) => {
      if (outcome !== 'pending') return void upstreamRes.resume();
      outcome = 'responded';
      clearTimeout(timer);
      relayAnswer(req, res, upstreamRes, requestId);
    });

    upstreamReq.once('error', () => {
      clearTimeout(timer);
      if (outcome === 'pending') {
        outcome = 'failed';
        sendApiError(
          req,
          res,
          502,
          'upstream_unreachable',
          'The Neo API could not be reached from the dashboard server.',
          requestId,
        );
      } else if (outcome === 'responded' && !res.writableFinished) {
        res.destroy();
      }
    });
    upstreamReq.end();
  };
}
