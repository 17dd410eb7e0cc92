// The one body of /healthz and /readyz, for the production server and the watcher alike:
// - /healthz: 200 while the process is alive, `{status: 'ok' | 'degraded', …details}`;
// - /readyz: `{status: 'ready'}` with 200, else `{status: 'not_ready' | 'draining'}` with 503
//   (`draining` once shutdown has begun, so a load balancer stops sending traffic first).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './responses.ts';

export type Health = 'ok' | 'degraded';
export type Readiness = 'ready' | 'not_ready' | 'draining';

/** Draining wins over ready: a server shutting down takes no new traffic. */
export function readiness(state: { ready: boolean; draining: boolean }): Readiness {
  if (state.draining) return 'draining';
  return state.ready ? 'ready' : 'not_ready';
}

export function sendReadiness(req: IncomingMessage, res: ServerResponse, status: Readiness): void {
  sendJson(req, res, status === 'ready' ? 200 : 503, { status });
}

/** Details (what is degraded, and why) follow the status; they never replace it. */
export function sendHealth(
  req: IncomingMessage,
  res: ServerResponse,
  status: Health,
  details: Record<string, unknown> = {},
): void {
  sendJson(req, res, 200, Object.assign({ status }, details, { status }));
}
