// The watcher: polls every configured integration on its own schedule within the rate budget,
// judges it with the model, records each change once and sends what is undelivered.
import { isApiError } from '../src/lib/api/api-error.ts';
import { createHttpClient } from '../src/lib/api/http-client.ts';
import { describeIntegration } from './integrations.ts';
import { diffJudgements, type Stored } from './changes.ts';
import type { WatcherConfig } from './config.ts';
import { dispatch, type DeliveryResult } from './dispatch.ts';
import { judge } from './judge.ts';
import type { Notice } from './notice.ts';
import type { Logger } from '../server-kit/log.ts';
import type { Metrics } from './ops/metrics.ts';
import type { IntegrationStatus, WatcherStatus } from './ops/status.ts';
import { nextPollDelay, pollIntegration } from './poller.ts';
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

export function startWatcher(deps: WatcherDeps) {
  const { config, store, logger, metrics } = deps;
  const now = deps.now ?? Date.now;
  const doFetch = deps.fetch ?? fetch;
  const client = createHttpClient({
    baseUrl: config.neo.apiBaseUrl,
    getAccessToken: async () => deps.apiKey,
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
  const controller = new AbortController();
  const integrations = config.integrations.map(describeIntegration);
  const configMutes: Mute[] = config.mutes.map((m) => ({
    integration: m.integration,
    until: Date.parse(m.until),
  }));
  const status: WatcherStatus = {
    startedAt: new Date(now()).toISOString(),
    ready: false,
    shuttingDown: false,
    integrations: {},
    channels: Object.fromEntries(
      config.channels.map((c) => [c.name, { failuresLastDay: 0, lastError: null }]),
    ),
  };
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, task: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    timers.add(timer);
  };

  async function pollOnce(name: string, displayName: string, entry: IntegrationStatus) {
    const at = now();
    entry.lastPollAt = new Date(at).toISOString();
    try {
      const result = await pollIntegration(client, store.runs, name, {
        now: at,
        signal: controller.signal,
      });
      metrics.polls.inc({ integration: name, result: 'ok' });
      if (entry.consecutiveFailures >= 3)
        logger.info('Neo API reachable again; caught up', {
          integration: name,
          runs: result.fetched,
        });
      entry.consecutiveFailures = 0;
      entry.lastError = null;
      entry.lastOkAt = new Date(at).toISOString();
      entry.runs = result.runs.length;
      const newest = store.runs.newestStart(name);
      if (newest !== null)
        metrics.lag.set({ integration: name }, Math.max(0, (at - newest) / 1000));
      const previous = store.states.get(name) as Map<string, Stored>;
      const { notices, states } = diffJudgements(previous, judge(result.runs, at), {
        integration: name,
        integrationName: displayName,
        dashboardUrl: config.dashboardUrl,
        now: at,
      });
      const health = states.get('health');
      entry.health = health?.subject === 'health' ? health.state : null;
      for (const notice of notices)
        if (store.notices.record(notice))
          logger.info('change noticed', {
            integration: name,
            kind: notice.kind,
            title: notice.title,
          });
      store.states.replaceAll(name, states);
      return nextPollDelay(result.runs, bounds);
    } catch (error) {
      if (controller.signal.aborted) return null;
      const code = isApiError(error) ? error.code : 'unexpected';
      const message = error instanceof Error ? error.message : String(error);
      metrics.polls.inc({ integration: name, result: 'error' });
      metrics.apiErrors.inc({ code });
      entry.consecutiveFailures += 1;
      entry.lastError = { code, message };
      logger.warn('poll failed; waiting before the next one (nothing is judged meanwhile)', {
        integration: name,
        code,
        error: message,
        failures: entry.consecutiveFailures,
      });
      return nextPollDelay([], bounds, entry.consecutiveFailures);
    }
  }

  const bounds = {
    minMs: config.polling.minIntervalSeconds * 1000,
    maxMs: config.polling.maxIntervalSeconds * 1000,
  };

  async function loop(name: string, displayName: string) {
    const entry: IntegrationStatus = {
      lastPollAt: null,
      lastOkAt: null,
      consecutiveFailures: 0,
      lastError: null,
      nextPollAt: null,
      runs: 0,
      health: null,
    };
    status.integrations[name] = entry;
    const delay = await pollOnce(name, displayName, entry);
    if (delay === null || status.shuttingDown) return;
    entry.nextPollAt = new Date(now() + delay).toISOString();
    void runDispatch();
    later(delay, () => void loop(name, displayName));
  }

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

  const started = Promise.all(integrations.map((i) => loop(i.name, i.displayName))).then(() => {
    status.ready = true;
  });
  const dispatchTimer = setInterval(() => void runDispatch(), DISPATCH_EVERY_MS);

  return {
    status: () => status,
    started,
    dispatchNow: runDispatch,
    async stop() {
      status.shuttingDown = true;
      clearInterval(dispatchTimer);
      for (const timer of timers) clearTimeout(timer);
      controller.abort(new Error('the watcher is stopping'));
      await dispatching;
    },
  };
}

export type Watcher = ReturnType<typeof startWatcher>;
