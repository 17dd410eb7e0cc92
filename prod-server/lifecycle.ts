// Shutdown: readiness turns 503, (optionally) a delay for load balancers to notice, then a
// graceful close that lets in-flight requests finish; and the SIGTERM/SIGINT handlers doing it.
import type http from 'node:http';
import type { LogSink } from './logging.ts';

export const SHUTDOWN_GRACE_MS = 10_000;

const shuttingDown = new WeakSet<http.Server>();

/** True once shutdown has begun: /readyz answers 503 and responses close their connection. */
export function isShuttingDown(server: http.Server): boolean {
  return shuttingDown.has(server);
}

/**
 * Stops accepting connections, lets in-flight requests finish for up to `graceMs`, then cuts what
 * is left. Resolves 'clean' or 'forced'.
 */
export function gracefulClose(
  server: http.Server,
  graceMs: number = SHUTDOWN_GRACE_MS,
): Promise<'clean' | 'forced'> {
  shuttingDown.add(server);
  return new Promise((resolve) => {
    // Keep-alive connections become idle as their last response ends: close them as they do.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const timer = setTimeout(() => {
      clearInterval(sweep);
      server.closeAllConnections();
      resolve('forced');
    }, graceMs);
    sweep.unref();
    timer.unref();
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(timer);
      resolve('clean');
    });
    server.closeIdleConnections();
  });
}

/**
 * Begins shutdown: /readyz answers 503 at once; for `delayMs` the server keeps serving (so a load
 * balancer probing readiness stops sending new traffic first), then it closes gracefully.
 */
export async function shutdown(
  server: http.Server,
  options: { delayMs?: number; graceMs?: number } = {},
): Promise<'clean' | 'forced'> {
  shuttingDown.add(server);
  const delayMs = options.delayMs ?? 0;
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  return gracefulClose(server, options.graceMs);
}

/**
 * SIGTERM: readiness 503, `delayMs`, stop accepting, finish in-flight requests, exit 0 (1 if they
 * had to be cut). SIGINT (Ctrl-C) skips the delay. A second signal exits at once with 1.
 */
export function handleShutdownSignals(server: http.Server, log: LogSink, delayMs: number): void {
  let closing = false;
  const event = (fields: Record<string, unknown>) =>
    log(JSON.stringify({ time: new Date().toISOString(), ...fields }));
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      event({ event: 'shutdown_forced', signal });
      process.exit(1);
    }
    closing = true;
    const delay = signal === 'SIGTERM' ? delayMs : 0;
    event({ event: 'shutdown', signal, delay_ms: delay });
    void shutdown(server, { delayMs: delay }).then((result) => {
      event({ event: 'stopped', result });
      process.exit(result === 'clean' ? 0 : 1);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
