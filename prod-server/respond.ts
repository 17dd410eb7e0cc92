// Neo's error envelope, so the dashboard's API client reads proxy failures like API failures.
// (Plain text and JSON come from the server kit.)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type ExtraHeaders } from '../server-kit/responses.ts';

export function sendApiError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
  headers?: ExtraHeaders,
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
