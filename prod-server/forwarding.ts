// What a request says about how the browser reached us: believed from X-Forwarded-* only when the
// peer is a trusted reverse proxy (SYNC_RUNS_TRUST_PROXY=1); otherwise only the socket and Host.
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** The last value of a comma list: the one the closest proxy (the one we trust) added. */
function lastValue(header: string | string[] | undefined): string | undefined {
  const joined = Array.isArray(header) ? header.join(',') : header;
  const values = (joined ?? '').split(',').map((value) => value.trim());
  return values.filter(Boolean).at(-1);
}

/** The scheme the browser used: TLS on our own socket, or a trusted proxy's X-Forwarded-Proto. */
export function requestProto(req: IncomingMessage, trustProxy: boolean): 'http' | 'https' {
  if ((req.socket as Partial<TLSSocket>).encrypted) return 'https';
  if (!trustProxy) return 'http';
  return lastValue(req.headers['x-forwarded-proto'])?.toLowerCase() === 'https' ? 'https' : 'http';
}

/** The host[:port] the browser asked for: a trusted proxy's X-Forwarded-Host, else Host. */
export function requestHost(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? lastValue(req.headers['x-forwarded-host']) : undefined;
  return forwarded ?? req.headers.host;
}

/**
 * The forwarding headers the API proxy sends upstream: its own view of the request. A client's
 * X-Forwarded-* and Forwarded never pass; a trusted proxy's X-Forwarded-For chain is extended.
 */
export function forwardingHeaders(req: IncomingMessage, trustProxy: boolean): OutgoingHttpHeaders {
  const remote = req.socket.remoteAddress ?? '';
  const prior = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const priorChain = Array.isArray(prior) ? prior.join(', ') : prior?.trim();
  const headers: OutgoingHttpHeaders = {
    'x-forwarded-for': priorChain ? `${priorChain}, ${remote}` : remote,
    'x-forwarded-proto': requestProto(req, trustProxy),
  };
  const host = requestHost(req, trustProxy);
  if (host) headers['x-forwarded-host'] = host;
  return headers;
}
