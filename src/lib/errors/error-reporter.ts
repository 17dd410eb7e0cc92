// Sends client-side errors to the endpoint a deployment configured (`errorReporting.endpoint` in
// config.json); off when none is set. At most 10 reports per page load, each distinct error once.
import { buildErrorReport, type ErrorReport } from './error-report';

const MAX_REPORTS = 10;

type Send = (endpoint: string, report: ErrorReport) => void;

const defaultSend: Send = (endpoint, report) => {
  void fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(report),
    credentials: 'omit',
    keepalive: true,
  }).catch(() => undefined); // reporting must never cause another error
};

let endpoint: string | null = null;
let send: Send = defaultSend;
let sent = 0;
const seen = new Set<string>();

export function configureErrorReporting(options: { endpoint: string | null; send?: Send }) {
  endpoint = options.endpoint;
  send = options.send ?? defaultSend;
  sent = 0;
  seen.clear();
}

export function reportError(error: unknown, where: string) {
  if (!endpoint || sent >= MAX_REPORTS) return;
  const report = buildErrorReport(error, where, {
    pathname: globalThis.location?.pathname ?? '/',
    appVersion: import.meta.env.VITE_APP_VERSION ?? 'dev',
  });
  const key = `${where}|${report.name}|${report.message}`;
  if (seen.has(key)) return;
  seen.add(key);
  sent += 1;
  send(endpoint, report);
}

/** Uncaught errors and unhandled promise rejections anywhere in the page. */
export function installGlobalErrorReporting(win: Window = window) {
  win.addEventListener('error', (event) => reportError(event.error ?? event.message, 'window'));
  win.addEventListener('unhandledrejection', (event) => reportError(event.reason, 'promise'));
}
