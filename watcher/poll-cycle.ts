// One turn of an integration's loop: poll it, judge what came back, record each change once and
// keep its status and metrics; on failure, count it and wait longer (nothing is judged meanwhile).
import { isApiError } from '../src/lib/api/api-error.ts';
import type { HttpClient } from '../src/lib/api/http-client.ts';
import { diffJudgements, type Stored } from './changes.ts';
import type { WatcherConfig } from './config.ts';
import { judge } from './judge.ts';
import type { Logger } from '../server-kit/log.ts';
import type { Metrics } from './ops/metrics.ts';
import type { IntegrationStatus } from './ops/status.ts';
import { nextPollDelay, pollIntegration, type PollResult } from './poller.ts';
import type { Store } from './store/store.ts';

export type PollCycleContext = {
  config: WatcherConfig;
  client: HttpClient;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  signal: AbortSignal;
  now: () => number;
  bounds: { minMs: number; maxMs: number };
};

type Integration = { name: string; displayName: string };

/** Polls one integration once; returns the delay to its next poll, or null once stopping. */
export async function pollOnce(
  ctx: PollCycleContext,
  integration: Integration,
  entry: IntegrationStatus,
): Promise<number | null> {
  const at = ctx.now();
  entry.lastPollAt = new Date(at).toISOString();
  try {
    const result = await pollIntegration(ctx.client, ctx.store.runs, integration.name, {
      now: at,
      signal: ctx.signal,
    });
    recordPoll(ctx, integration.name, entry, result, at);
    recordChanges(ctx, integration, entry, result, at);
    return nextPollDelay(result.runs, ctx.bounds);
  } catch (error) {
    if (ctx.signal.aborted) return null;
    recordFailure(ctx, integration.name, entry, error);
    return nextPollDelay([], ctx.bounds, entry.consecutiveFailures);
  }
}

/** A poll that answered: the integration's status and metrics. */
function recordPoll(
  { store, logger, metrics }: PollCycleContext,
  name: string,
  entry: IntegrationStatus,
  result: PollResult,
  at: number,
) {
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
  if (newest !== null) metrics.lag.set({ integration: name }, Math.max(0, (at - newest) / 1000));
}

/** Judges the runs, records each notice once and keeps the judgements for the next poll. */
function recordChanges(
  { config, store, logger }: PollCycleContext,
  { name, displayName }: Integration,
  entry: IntegrationStatus,
  result: PollResult,
  at: number,
) {
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
}

function recordFailure(
  { logger, metrics }: PollCycleContext,
  name: string,
  entry: IntegrationStatus,
  error: unknown,
) {
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
}
