// Graceful shutdown for both services: readiness turns 503 (`draining`) at once, (optionally) a
// delay for load balancers to notice, then the server stops accepting and lets in-flight requests
// finish for up to a grace period before cutting what is left. A first SIGTERM/SIGINT starts it, a
// second one exits at once.
import type { Server } from 'node:http';
import type { Logger } from './log.ts';

export const SHUTDOWN_GRACE_MS = 10_000;
export type CloseResult = 'clean' | 'forced';

const BACKSTOP_MARGIN_MS = 1_000;

const draining = new WeakSet<Server>();

/** True once shutdown has begun: /readyz answers 503 and responses close their connection. */
export function isDraining(server: Server): boolean {
  return draining.has(server);
}

/**
 * Stops accepting connections, lets in-flight requests finish for up to `graceMs`, then cuts what
 * is left. Resolves 'clean' or 'forced'.
 */
export function gracefulClose(
  server: Server,
  graceMs: number = SHUTDOWN_GRACE_MS,
): Promise<CloseResult> {
  draining.add(server);
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
 * Begins shutdown: readiness says `draining` at once; for `delayMs` the server keeps serving (so a
 * load balancer probing readiness stops sending new traffic first), then it closes gracefully.
 */
export async function drain(
  server: Server,
  options: { delayMs?: number; graceMs?: number } = {},
): Promise<CloseResult> {
  draining.add(server);
  const delayMs = options.delayMs ?? 0;
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  return gracefulClose(server, options.graceMs);
}

export type ShutdownOptions = {
  log: Logger;
  /** Stops the service: drains its servers, finishes or abandons its work. */
  stop: (delayMs: number) => Promise<CloseResult>;
  /** After SIGTERM (not SIGINT), how long readiness says `draining` before the server closes. */
  delayMs?: number;
  /** How long `stop` may take after the delay (plus 1 s) before the process exits anyway (1). */
  graceMs?: number;
  /** For tests: where the signals come from and how the process ends. */
  signals?: Pick<NodeJS.EventEmitter, 'on'>;
  exit?: (code: number) => void;
};

/**
 * SIGTERM: `stop(delayMs)`, then exit 0 (1 if in-flight work had to be cut, or `stop` outlasted
 * the delay plus the grace period). SIGINT (Ctrl-C) skips the delay. A second signal exits at once
 * with 1. Each step is one log line: `shutdown`, `stopped` (with `result`), `shutdown_forced`.
 */
export function handleShutdownSignals(options: ShutdownOptions): void {
  const { log, stop, signals = process } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const graceMs = options.graceMs ?? SHUTDOWN_GRACE_MS;
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      log.warn('shutdown_forced', { signal });
      return exit(1);
    }
    closing = true;
    const delay = signal === 'SIGTERM' ? (options.delayMs ?? 0) : 0;
    log.info('shutdown', { signal, delay_ms: delay });
    let timer: NodeJS.Timeout | undefined;
    const backstop = new Promise<CloseResult>((resolve) => {
      // A backstop: `stop` closing with the same grace period normally answers first.
      timer = setTimeout(() => resolve('forced'), delay + graceMs + BACKSTOP_MARGIN_MS);
      timer.unref();
    });
    const stopped = stop(delay).catch((error: unknown) => {
      log.error('shutdown failed', { error });
      return 'forced' as const;
    });
    void Promise.race([stopped, backstop]).then((result) => {
      clearTimeout(timer);
      log.info('stopped', { result });
      exit(result === 'clean' ? 0 : 1);
    });
  };
  signals.on('SIGTERM', onSignal);
  signals.on('SIGINT', onSignal);
}
