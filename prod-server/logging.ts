// Access log: one JSON line per request on stdout, in the server kit's shape
// (`{time, level, msg: 'request', …}`). Never headers, never token-like URL parts: values are judged
// by the shared credential rules (src/lib/format/redact-credentials.ts); this file adds what only a
// URL needs (OAuth's parameter names, the search text, long random query values).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../server-kit/log.ts';
import { containsCredential, isCredentialName } from '../src/lib/format/redact-credentials.ts';

/** Parameters whose values are never logged: OAuth's, and `q` (the user's search text). */
const SECRET_PARAMS = new Set([
  'code',
  'key',
  'sig',
  'state',
  'session_state',
  'client_assertion',
  'q',
]);
/** Opaque tokens (an API secret, a refresh token, a signed cursor): a long run of base64/base64url. */
const OPAQUE_RUN = /[A-Za-z0-9_~+/=.-]{32,}/g;
const REDACTED = '[redacted]';
const MAX_PATH_CHARS = 2048;

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** Whether a parameter's name is a credential's (token, secret, api_key, code, …) or `q`'s. */
export function isSecretKey(rawKey: string): boolean {
  const key = decode(rawKey).trim().toLowerCase();
  return SECRET_PARAMS.has(key) || isCredentialName(key);
}

/** Whether a text holds a credential (Bearer …, a JWT, `neo_sk_…`, `token=…`), also encoded. */
export function looksSecret(raw: string): boolean {
  return containsCredential(raw) || containsCredential(decode(raw));
}

/**
 * A query part shaped like a token whatever its parameter's name: a credential, or a run of 32+
 * base64 characters mixing upper case, lower case and digits (random, unlike a date, a UUID, a
 * slug or a word).
 */
function looksSecretInQuery(raw: string): boolean {
  if (looksSecret(raw)) return true;
  return (decode(raw).match(OPAQUE_RUN) ?? []).some(
    (run) => /[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run),
  );
}

/**
 * The request URL as logged: path segments and query parts holding a credential (Bearer …, a JWT,
 * `neo_sk_…`, also percent-encoded) become `[redacted]`, as do query values shaped like any other
 * token (a long random run) whatever the parameter's name, and the values of token-like parameters
 * and of `q`.
 */
export function redactUrl(rawUrl: string): string {
  const q = rawUrl.indexOf('?');
  const path = (q === -1 ? rawUrl : rawUrl.slice(0, q))
    .split('/')
    .map((segment) => (looksSecret(segment) ? REDACTED : segment))
    .join('/');
  let out = path;
  if (q !== -1) {
    const pairs = rawUrl
      .slice(q + 1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        const key = eq === -1 ? pair : pair.slice(0, eq);
        if (looksSecretInQuery(key)) return REDACTED;
        if (eq === -1) return pair;
        return isSecretKey(key) || looksSecretInQuery(pair.slice(eq + 1))
          ? `${key}=${REDACTED}`
          : pair;
      });
    out = `${path}?${pairs.join('&')}`;
  }
  return out.length > MAX_PATH_CHARS ? `${out.slice(0, MAX_PATH_CHARS)}…` : out;
}

/** Counts the body bytes a response writes. */
function countBytes(res: ServerResponse): () => number {
  let bytes = 0;
  const count = (chunk: unknown, encoding?: unknown) => {
    if (typeof chunk === 'string') {
      bytes += Buffer.byteLength(
        chunk,
        typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
      );
    } else if (chunk instanceof Uint8Array) {
      bytes += chunk.byteLength;
    }
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((...args: unknown[]) => {
    count(args[0], args[1]);
    return write(...args);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (typeof args[0] !== 'function') count(args[0], args[1]);
    return end(...args);
  }) as typeof res.end;
  return () => bytes;
}

/**
 * Writes one line when the response ends (or the client goes away). `X-Request-Id` on the
 * response is ours, or Neo's when the API answered through the proxy.
 */
export function logRequest(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  log: Logger,
): void {
  const started = process.hrtime.bigint();
  const bytes = countBytes(res);
  res.once('close', () => {
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const responseId = res.getHeader('x-request-id');
    log.info('request', {
      method: req.method,
      path: redactUrl(req.url ?? ''),
      status: res.statusCode,
      duration_ms: Math.round(durationMs * 10) / 10,
      bytes: bytes(),
      request_id: requestId,
      ...(typeof responseId === 'string' &&
        responseId !== requestId && { upstream_request_id: responseId }),
      ...(!res.writableFinished && { aborted: true }),
    });
  });
}

/** A server-side failure (message only: no request headers, no stack with data). */
export function logError(log: Logger, requestId: string | null, error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  log.error(message, { request_id: requestId });
}
