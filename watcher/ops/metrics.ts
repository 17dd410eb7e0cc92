// Prometheus metrics of the watcher (prom-client): polls, API errors by code, the rate budget used,
// notices sent and failed by channel, and how far each integration's newest run lags behind now.
import { Counter, Gauge, Registry } from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics() {
  const registry = new Registry();
  const polls = new Counter({
    name: 'sync_runs_watcher_polls_total',
    help: 'Polls of the Neo API, by integration and result (ok, error).',
    labelNames: ['integration', 'result'] as const,
    registers: [registry],
  });
  const apiErrors = new Counter({
    name: 'sync_runs_watcher_api_errors_total',
    help: "Failed requests to the Neo API, by the API's error code.",
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const budgetUsed = new Gauge({
    name: 'sync_runs_watcher_rate_budget_used_ratio',
    help: "Share of the watcher's rate budget used in the last minute (0–1).",
    registers: [registry],
  });
  const noticesSent = new Counter({
    name: 'sync_runs_watcher_notices_sent_total',
    help: 'Notices delivered, by channel.',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  const noticesFailed = new Counter({
    name: 'sync_runs_watcher_notices_failed_total',
    help: 'Notice deliveries that failed after their retries, by channel.',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  const lag = new Gauge({
    name: 'sync_runs_watcher_lag_seconds',
    help: "Seconds between now and the start of the integration's newest known run.",
    labelNames: ['integration'] as const,
    registers: [registry],
  });
  return { registry, polls, apiErrors, budgetUsed, noticesSent, noticesFailed, lag };
}
