// Small response helpers shared by the handlers: plain text, JSON and Neo's error envelope.
import type { IncomingMessage, ServerResponse } from 'node:http';

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  const bytes = Buffer.from(body, 'utf8');
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', bytes.length);
  if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

export function sendText(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  text: string,
  headers?: Record<string, string>,
): void {
  send(req, res, status, 'text/plain; charset=utf-8', `${text}\n`, headers);
}

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  value: unknown,
  headers?: Record<string, string>,
): void {
  send(req, res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

/** Neo's error envelope, so the dashboard's API client reads proxy failures like API failures. */
export function sendApiError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
  headers?: Record<string, string>,
): void {
  res.setHeader('X-Request-Id', requestId);
  sendJson(
    req,
    res,
    status,
    { error: { code, message }, meta: { request_id: requestId } },
    headers,
  );
}
