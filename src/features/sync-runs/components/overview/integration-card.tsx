// One integration on the overview: latest run, last success, failing runs in the window. It stays
// live on the integration page's rules (a refresh a minute, every 15 s while a run is running).
import { memo, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ErrorPanel } from '@/components/error-panel';
import { formatDuration, durationMs } from '@/lib/format/time';
import type { IntegrationInfo } from '@/lib/integrations/catalog';
import type { SyncRun } from '@/lib/api/schemas';
import { SLOW_TICK_MS, useClock } from '@/lib/time/use-clock';
import type { OpenedWindow } from '@/features/sync-runs/hooks/use-opened-window';
import { useWindowRuns } from '@/features/sync-runs/hooks/use-window-runs';
import { integrationUnavailable } from '@/domain/sync-runs/model/integration-state';
import { stalestActivity } from '@/domain/sync-runs/judgements/freshness';
import { freshnessOf } from '@/domain/sync-runs/view/window-derivations';
import { integrationPath } from '@/domain/sync-runs/view/integration-path';
import {
  HEALTH_LABEL,
  integrationHealth,
  type HealthState,
} from '@/domain/sync-runs/judgements/health';
import { summarizeRuns } from '@/domain/sync-runs/model/summary';
import { RecentStrip } from './recent-strip';
import { StatusBadge } from '@/features/sync-runs/components/status-badge';
import { HEALTH_BADGE_CLASS } from '@/features/sync-runs/components/status-style';
import { TimeText } from '@/components/time-text';

export const OVERVIEW_WINDOW_DAYS = 7;

/** What a card tells the overview: its health (to put the worst first) and runs (for the lanes). */
export type CardReport = {
  state: HealthState | null;
  runs: readonly SyncRun[] | null;
  /** Said on the overview's lane instead of runs. */
  note: string | null;
  /** When its runs were last fetched: 0 not yet, null nothing to fetch (unavailable, failed). */
  updatedAt: number | null;
};

export type IntegrationCardProps = {
  integration: IntegrationInfo;
  /** The overview's window, the same for every card. */
  opened: OpenedWindow;
  onReport?: (name: string, report: CardReport) => void;
};

export const IntegrationCard = memo(function IntegrationCard({
  integration,
  opened,
  onReport,
}: IntegrationCardProps) {
  // Every card's newest page first (up to 200 runs of its last day: its health), the rest of the
  // week once every card has had its own.
  const { base, live, runs } = useWindowRuns(integration.name, opened, 'overview');
  const { query, isComplete, progress, newestRead } = base;
  // Health moves on with time (a sync that stops running turns "Not running" by itself).
  const now = useClock(SLOW_TICK_MS);
  const unavailable = integrationUnavailable(query.error);
  // Judged on the newest page as soon as it is in, then again on the whole week when that is: not on
  // each part of the week between (a verdict flickering while older runs arrive tells nothing, and
  // each one is a pass over every run, while other cards may still wait for their first page).
  const [newestRuns, setNewestRuns] = useState<readonly SyncRun[] | null>(null);
  if (newestRead && !isComplete && newestRuns === null) setNewestRuns(runs);
  const judgedRuns = isComplete ? runs : newestRead ? (newestRuns ?? runs) : null;
  const judged = useMemo(
    () => (judgedRuns ? integrationHealth(judgedRuns, now) : null),
    [judgedRuns, now],
  );
  const summary = useMemo(() => summarizeRuns(runs), [runs]);
  const stalest = useMemo(() => stalestActivity(freshnessOf(runs)), [runs]);
  const health = unavailable
    ? { state: 'inactive' as const, reason: unavailable.title }
    : query.isError && !query.data
      ? { state: 'unknown' as const, reason: 'Runs could not be loaded.' }
      : judged;
  const healthState = health?.state ?? null;
  const note = unavailable
    ? unavailable.title
    : query.isError && !query.data
      ? 'Runs could not be loaded.'
      : null;
  const updatedAt = note
    ? null
    : isComplete
      ? Math.max(query.dataUpdatedAt, live.dataUpdatedAt)
      : 0;
  const shownRuns = query.data ? runs : null;
  useEffect(() => {
    onReport?.(integration.name, { state: healthState, runs: shownRuns, note, updatedAt });
  }, [healthState, shownRuns, note, updatedAt, integration.name, onReport]);
  const headingId = `integration-${integration.name}`;

  return (
    <article
      aria-labelledby={headingId}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <header className="flex items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          <Link to={integrationPath(integration.name)} className="hover:underline">
            {integration.displayName}
          </Link>
        </h2>
        <span className="text-xs tracking-wide text-slate-600 uppercase">{integration.kind}</span>
      </header>
      {health && (
        <p className="mt-1 text-sm">
          <span
            data-health={health.state}
            className={`mr-2 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${HEALTH_BADGE_CLASS[health.state]}`}
          >
            {HEALTH_LABEL[health.state]}
          </span>
          <span className="text-slate-700">{health.reason}</span>
        </p>
      )}
      {!health && !query.isError && (
        // Until the health is known: how much of the week has been read.
        <p role="status" className="mt-3 text-sm text-slate-600">
          {query.isPending
            ? 'Loading runs…'
            : `Reading the last ${OVERVIEW_WINDOW_DAYS} days… ${Math.floor(progress * 100)} %`}
        </p>
      )}
      {unavailable && (
        <div className="mt-3 text-sm">
          <p className="font-medium">{unavailable.title}</p>
          <p className="text-slate-600">{unavailable.explanation}</p>
        </div>
      )}
      {query.isError && !unavailable && !query.data && (
        <div className="mt-3">
          <ErrorPanel
            title="Runs could not be loaded"
            error={query.error}
            onRetry={() => void query.refetch()}
          />
        </div>
      )}
      {query.data && (
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600">Latest run</dt>
          <dd>
            {summary.latest ? (
              <span className="inline-flex flex-wrap items-center gap-2">
                <StatusBadge status={summary.latest.status} />
                <TimeText iso={summary.latest.started_at} show="relative" /> ·{' '}
                {formatDuration(
                  durationMs(summary.latest.started_at, summary.latest.finished_at, now),
                )}
              </span>
            ) : (
              `No runs in the last ${OVERVIEW_WINDOW_DAYS} days`
            )}
          </dd>
          <dt className="text-slate-600">Last success</dt>
          <dd>
            <TimeText
              iso={summary.lastSuccess?.started_at ?? null}
              show="relative"
              empty={`None in ${OVERVIEW_WINDOW_DAYS} days`}
            />
          </dd>
          <dt className="text-slate-600">Fresh as of</dt>
          <dd>
            {!stalest ? (
              '—'
            ) : stalest.freshAsOf ? (
              <>
                <TimeText iso={stalest.freshAsOf} show="relative" /> (stalest: {stalest.activity})
              </>
            ) : (
              `${stalest.activity} has not succeeded in ${OVERVIEW_WINDOW_DAYS} days`
            )}
          </dd>
          <dt className="text-slate-600">Recent runs</dt>
          <dd className="min-w-0">
            <RecentStrip runs={runs} />
          </dd>
          <dt className="text-slate-600">Failing runs</dt>
          <dd>
            {summary.failingRuns} of {summary.total}
            {!isComplete && '…'} in {OVERVIEW_WINDOW_DAYS} days
          </dd>
        </dl>
      )}
    </article>
  );
});
