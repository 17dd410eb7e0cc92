// Access log: one JSON line per request on stdout. Never headers, never token-like URL parts.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type LogSink = (line: string) => void;

export const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

/** Parameters whose values are never logged: credentials, and `q` (the user's search text). */
const SECRET_KEYS = new Set([
  'code',
  'key',
  'sig',
  'state',
  'session_state',
  'client_assertion',
  'q',
]);
const SECRET_PATTERN = /token|secret|password|passwd|api[_-]?key|signature|credential/i;
/** Values that look like credentials wherever they appear: in a path segment, key or value. */
const SECRET_SHAPES = [
  /\bbearer\s+\S/i, // an Authorization header value
  /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\./, // a JWT/JWS/JWE: base64url JSON header, then a dot
  /[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/, // any other xxx.yyy.zzz base64url
  /neo_sk_/i, // a Neo API key
];
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

/** Whether a name is a credential's (token, secret, password, api_key, …) or the search text's. */
export function isSecretKey(rawKey: string): boolean {
  const key = decode(rawKey).trim().toLowerCase();
  return SECRET_KEYS.has(key) || SECRET_PATTERN.test(key);
}

/** Whether a text holds a credential's shape (Bearer …, a JWT, `neo_sk_…`), also percent-encoded. */
export function looksSecret(raw: string): boolean {
  const decoded = decode(raw);
  return SECRET_SHAPES.some((shape) => shape.test(decoded) || shape.test(raw));
}

/**
 * A query part shaped like a token whatever its parameter's name: a credential shape, a Basic
 * credential, or a run of 32+ base64 characters mixing upper case, lower case and digits (random,
 * unlike a date, a UUID, a slug or a word).
 */
function looksSecretInQuery(raw: string): boolean {
  if (looksSecret(raw)) return true;
  const decoded = decode(raw);
  if (/\bbasic\s+[A-Za-z0-9+/=]{8,}/i.test(decoded)) return true;
  return (decoded.match(OPAQUE_RUN) ?? []).some(
    (run) => /[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run),
  );
}

/**
 * The request URL as logged: path segments and query parts shaped like a credential (Bearer …,
 * a JWT, `neo_sk_…`, also percent-encoded) become `[redacted]`, as do query values shaped like any
 * other token (Basic …, a long random run) whatever the parameter's name, and the values of
 * token-like parameters and of `q`.
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

/**
 * Counts body bytes and writes one line when the response ends (or the client goes away).
 * `X-Request-Id` on the response is ours, or Neo's when the API answered through the proxy.
 */
export function logRequest(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  sink: LogSink,
): void {
  const started = process.hrtime.bigint();
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

  res.once('close', () => {
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const responseId = res.getHeader('x-request-id');
    const line: Record<string, unknown> = {
      time: new Date().toISOString(),
      method: req.method,
      path: redactUrl(req.url ?? ''),
      status: res.statusCode,
      duration_ms: Math.round(durationMs * 10) / 10,
      bytes,
      request_id: requestId,
    };
    if (typeof responseId === 'string' && responseId !== requestId) {
      line.upstream_request_id = responseId;
    }
    if (!res.writableFinished) line.aborted = true;
    sink(JSON.stringify(line));
  });
}

/** A server-side failure, as a JSON line (message only: no request headers, no stack with data). */
export function logError(sink: LogSink, requestId: string | null, error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  sink(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'error',
      request_id: requestId,
      message,
    }),
  );
}
