// Responses for both Node services: a body with its length, `Cache-Control: no-store` unless the
// handler chose a policy, and no body at all for HEAD.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type ExtraHeaders = Record<string, string>;

export function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: ExtraHeaders = {},
): void {
  const bytes = Buffer.from(body, 'utf8');
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', bytes.length);
  if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/** Plain text, one line: a newline is added. */
export function sendText(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  text: string,
  headers?: ExtraHeaders,
): void {
  send(req, res, status, 'text/plain; charset=utf-8', `${text}\n`, headers);
}

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  value: unknown,
  headers?: ExtraHeaders,
): void {
  send(req, res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}
