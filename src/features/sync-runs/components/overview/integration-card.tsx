// One integration on the overview: latest run, last success, failing runs in the window. It stays
// live on the integration page's rules (a refresh a minute, every 15 s while a run is running).
import { memo } from 'react';
import { Link } from 'react-router';
import { ErrorPanel } from '@/components/error-panel';
import { formatDuration, durationMs } from '@/lib/format/time';
import type { IntegrationInfo } from '@/lib/integrations/catalog';
import type { OpenedWindow } from '@/features/sync-runs/hooks/use-opened-window';
import {
  useIntegrationCard,
  type CardReport,
  type IntegrationCardState,
} from '@/features/sync-runs/hooks/use-integration-card';
import { integrationPath } from '@/domain/sync-runs/view/integration-path';
import { HEALTH_LABEL } from '@/domain/sync-runs/judgements/health';
import { RecentStrip } from './recent-strip';
import { StatusBadge } from '@/features/sync-runs/components/status-badge';
import { HEALTH_BADGE_CLASS } from '@/features/sync-runs/components/status-style';
import { TimeText } from '@/components/time-text';

export const OVERVIEW_WINDOW_DAYS = 7;

export type { CardReport };

export type IntegrationCardProps = {
  integration: IntegrationInfo;
  /** The overview's window, the same for every card. */
  opened: OpenedWindow;
  onReport?: (name: string, report: CardReport) => void;
};

/** The card's facts once runs are in: latest run, last success, freshness, recent and failing runs. */
function CardFacts({ card }: { card: IntegrationCardState }) {
  const { summary, stalest, runs, now, isComplete } = card;
  return (
    <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-slate-600">Latest run</dt>
      <dd>
        {summary.latest ? (
          <span className="inline-flex flex-wrap items-center gap-2">
            <StatusBadge status={summary.latest.status} />
            <TimeText iso={summary.latest.started_at} show="relative" /> ·{' '}
            {formatDuration(durationMs(summary.latest.started_at, summary.latest.finished_at, now))}
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
  );
}

export const IntegrationCard = memo(function IntegrationCard({
  integration,
  opened,
  onReport,
}: IntegrationCardProps) {
  const card = useIntegrationCard(integration, opened, onReport);
  const { query, progress, unavailable, health } = card;
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
      {query.data && <CardFacts card={card} />}
    </article>
  );
});
