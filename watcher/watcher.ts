// The watcher: polls every configured integration on its own schedule within the rate budget,
// judges it with the model, records each change once and sends what is undelivered.
import { createHttpClient } from '../src/lib/api/http-client.ts';
import { describeIntegration } from './integrations.ts';
import type { WatcherConfig } from './config.ts';
import { dispatch, type DeliveryResult } from './dispatch.ts';
import type { Notice } from './notice.ts';
import type { Logger } from '../server-kit/log.ts';
import type { Metrics } from './ops/metrics.ts';
import type { IntegrationStatus, WatcherStatus } from './ops/status.ts';
import { pollOnce, type PollCycleContext } from './poll-cycle.ts';
import type { Mute } from './routing.ts';
import { storedMutes } from './store/mutes.ts';
import type { Store } from './store/store.ts';

export type WatcherDeps = {
  config: WatcherConfig;
  apiKey: string;
  store: Store;
  send: (channel: string, notice: Notice) => Promise<DeliveryResult>;
  logger: Logger;
  metrics: Metrics;
  fetch?: typeof fetch;
  now?: () => number;
};

const DISPATCH_EVERY_MS = 15_000;

/** The Neo API client, within the watcher's share of the tenant's limit. */
function watcherClient(
  { config, apiKey, metrics, fetch: doFetch = fetch }: WatcherDeps,
  now: () => number,
) {
  const client = createHttpClient({
    baseUrl: config.neo.apiBaseUrl,
    getAccessToken: async () => apiKey,
    // The client's rate gate keeps every request within the watcher's share of the tenant's limit.
    rateShare: config.polling.rateLimitShare,
    fetch: (input, init) => {
      const usage = client.rateUsage();
      metrics.budgetUsed.set(usage.used / usage.allowed);
      return doFetch(input, init);
    },
    now,
    maxInFlight: 2,
  });
  return client;
}

function initialStatus(config: WatcherConfig, now: () => number): WatcherStatus {
  return {
    startedAt: new Date(now()).toISOString(),
    ready: false,
    shuttingDown: false,
    integrations: {},
    channels: Object.fromEntries(
      config.channels.map((c) => [c.name, { failuresLastDay: 0, lastError: null }]),
    ),
  };
}

function newIntegrationStatus(): IntegrationStatus {
  return {
    lastPollAt: null,
    lastOkAt: null,
    consecutiveFailures: 0,
    lastError: null,
    nextPollAt: null,
    runs: 0,
    health: null,
  };
}

/**
 * Sends what is undelivered, one dispatch at a time (a call while one runs joins it), and keeps
 * each channel's failures of the last day in the status.
 */
function dispatchRunner(deps: WatcherDeps, status: WatcherStatus, now: () => number) {
  const { config, store, logger, metrics } = deps;
  const configMutes: Mute[] = config.mutes.map((m) => ({
    integration: m.integration,
    until: Date.parse(m.until),
  }));
  let dispatching: Promise<void> | null = null;
  function runDispatch(): Promise<void> {
    dispatching ??= dispatch({
      config,
      store: store.notices,
      mutes: () => [...configMutes, ...storedMutes(store)],
      send: deps.send,
      now,
      onResult: (channel, notice, result) => {
        const counter = result.ok ? metrics.noticesSent : metrics.noticesFailed;
        counter.inc({ channel });
        if (!result.ok) {
          const entry = status.channels[channel];
          if (entry) entry.lastError = result.error ?? 'failed';
          logger.warn('delivery failed; it will be retried', {
            channel,
            notice: notice.key,
            error: result.error,
          });
        }
      },
    })
      .catch((error: unknown) => logger.error('dispatch failed', { error }))
      .finally(() => {
        const failures = store.notices.channelFailures(now() - 86_400_000);
        for (const [name, entry] of Object.entries(status.channels))
          entry.failuresLastDay = failures.get(name) ?? 0;
        dispatching = null;
      });
    return dispatching;
  }
  return { run: runDispatch, inProgress: () => dispatching };
}

export function startWatcher(deps: WatcherDeps) {
  const { config } = deps;
  const now = deps.now ?? Date.now;
  const controller = new AbortController();
  const status = initialStatus(config, now);
  const dispatcher = dispatchRunner(deps, status, now);
  const cycle: PollCycleContext = {
    config,
    client: watcherClient(deps, now),
    store: deps.store,
    logger: deps.logger,
    metrics: deps.metrics,
    signal: controller.signal,
    now,
    bounds: {
      minMs: config.polling.minIntervalSeconds * 1000,
      maxMs: config.polling.maxIntervalSeconds * 1000,
    },
  };
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, task: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    timers.add(timer);
  };

  async function loop(integration: { name: string; displayName: string }) {
    const entry = newIntegrationStatus();
    status.integrations[integration.name] = entry;
    const delay = await pollOnce(cycle, integration, entry);
    if (delay === null || status.shuttingDown) return;
    entry.nextPollAt = new Date(now() + delay).toISOString();
    void dispatcher.run();
    later(delay, () => void loop(integration));
  }

  const integrations = config.integrations.map(describeIntegration);
  const started = Promise.all(integrations.map((i) => loop(i))).then(() => {
    status.ready = true;
  });
  const dispatchTimer = setInterval(() => void dispatcher.run(), DISPATCH_EVERY_MS);

  return {
    status: () => status,
    started,
    dispatchNow: dispatcher.run,
    async stop() {
      status.shuttingDown = true;
      clearInterval(dispatchTimer);
      for (const timer of timers) clearTimeout(timer);
      controller.abort(new Error('the watcher is stopping'));
      await dispatcher.inProgress();
    },
  };
}

export type Watcher = ReturnType<typeof startWatcher>;
