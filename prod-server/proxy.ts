// Same-origin proxy for Neo's API: `<base>public-api/*` → SYNC_RUNS_UPSTREAM_API, streamed, GET/HEAD only.
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import type { ServerConfig } from './config.ts';
import { sendApiError } from './respond.ts';
import { safeSegments } from './static.ts';

/** Request headers the upstream sees; nothing else (no cookies, no client-chosen forwarding). */
const FORWARD_REQUEST = [
  'authorization',
  'accept',
  'accept-encoding',
  'user-agent',
  'if-none-match',
];
const PASS_RESPONSE = [
  'content-type',
  'content-encoding',
  'content-length',
  'cache-control',
  'etag',
  'last-modified',
  'vary',
  'retry-after',
  'www-authenticate',
  'x-request-id',
];

export type ProxyTarget = {
  /** The path below the base path, starting with `/public-api`, still percent-encoded. */
  path: string;
  /** `?…` or empty, passed on untouched. */
  search: string;
};

export function createApiProxy(config: ServerConfig['proxy']) {
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
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendApiError(
        req,
        res,
        405,
        'method_not_allowed',
        'Only GET and HEAD are proxied.',
        requestId,
        {
          Allow: 'GET, HEAD',
        },
      );
    }
    if (!safeSegments(target.path).ok) {
      return sendApiError(
        req,
        res,
        400,
        'bad_request',
        'The request path is not valid.',
        requestId,
      );
    }

    const headers: OutgoingHttpHeaders = {};
    for (const name of FORWARD_REQUEST) {
      const value = req.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    const remote = req.socket.remoteAddress ?? '';
    const priorFor = req.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = priorFor ? `${String(priorFor)}, ${remote}` : remote;
    const proto = String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      ?.trim();
    headers['x-forwarded-proto'] = proto === 'https' ? 'https' : 'http';
    const forwardedHost = String(req.headers['x-forwarded-host'] ?? '')
      .split(',')[0]
      ?.trim();
    if (forwardedHost || req.headers.host)
      headers['x-forwarded-host'] = forwardedHost || req.headers.host;

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
      path: `${prefix}${target.path}${target.search}`,
      method: req.method,
      headers,
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
      res.statusCode = upstreamRes.statusCode ?? 502;
      for (const [name, value] of Object.entries(upstreamRes.headers)) {
        if (
          value !== undefined &&
          (PASS_RESPONSE.includes(name) || name.startsWith('x-ratelimit-'))
        ) {
          res.setHeader(name, value);
        }
      }
      if (!res.hasHeader('cache-control')) res.setHeader('Cache-Control', 'no-store');
      pipeline(upstreamRes, res, () => {
        // Errors here mean one side went away; pipeline has already destroyed both streams.
      });
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
