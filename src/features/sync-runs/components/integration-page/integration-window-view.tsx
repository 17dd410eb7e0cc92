// One integration over one window, laid out: toolbar, load state, then chart, insights and table.
// The data comes from hooks (runs, derivations, actions); the sections render what they are given.
import { useDeferredValue, useId, useMemo } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import { ErrorPanel } from '@/components/error-panel';
import { integrationUnavailable } from '@/domain/sync-runs/model/integration-state';
import { DEFAULT_PRESET, type ViewParams } from '@/domain/sync-runs/view/view-params';
import { windowMs } from '@/domain/sync-runs/model/window';
import { ExportMenu } from '@/features/sync-runs/export/export-menu';
import { AnswerPanel } from '@/features/sync-runs/components/insights/answer-panel';
import { CadenceSummary } from '@/features/sync-runs/components/insights/cadence-summary';
import { FreshnessList } from '@/features/sync-runs/components/insights/freshness-list';
import { SignatureList } from '@/features/sync-runs/components/insights/signature-list';
import { UnusualActivity } from '@/features/sync-runs/components/insights/unusual-activity';
import { RunsTable } from '@/features/sync-runs/components/runs-table/runs-table';
import { LiveTimeline } from '@/features/sync-runs/components/timeline/live-timeline';
import { TimelineSummary } from '@/features/sync-runs/components/timeline/timeline-summary';
import { TrendsSection } from '@/features/sync-runs/components/trends/trends-section';
import type { OpenedWindow } from '@/features/sync-runs/hooks/use-opened-window';
import { useViewActions } from '@/features/sync-runs/hooks/use-view-actions';
import type { ViewUpdate } from '@/features/sync-runs/hooks/use-view-params';
import { useWindowInsights } from '@/features/sync-runs/hooks/use-window-insights';
import { useWindowRuns } from '@/features/sync-runs/hooks/use-window-runs';
import type { IntegrationInfo } from '@/lib/integrations/catalog';
import { SLOW_TICK_MS, useClock } from '@/lib/time/use-clock';
import { TimeText } from '@/components/time-text';
import { LoadProgress } from './load-progress';
import { RetryNotice } from './retry-notice';
import { RunFilters } from './run-filters';
import { SelectionNotices } from './selection-notices';
import { UnavailablePanel } from './unavailable-panel';
import { WindowToolbar } from './window-toolbar';
import { EmptyWindow, WindowLoading } from './window-states';

export type IntegrationWindowViewProps = {
  integration: IntegrationInfo;
  opened: OpenedWindow;
  params: ViewParams;
  update: ViewUpdate;
};

export function IntegrationWindowView({
  integration,
  opened,
  params,
  update,
}: IntegrationWindowViewProps) {
  const data = useWindowRuns(integration.name, opened, 'page');
  const { base, runs, includesNow } = data;
  const now = useClock(SLOW_TICK_MS);
  const window = useMemo(() => windowMs(opened.window), [opened.window]);
  // What the page shows of time: the window, or up to now while the window includes now.
  const shown = useMemo(
    () => ({
      since: window.since,
      until: includesNow ? Math.max(window.until, now) : window.until,
    }),
    [window, includesNow, now],
  );
  // What is derived from the runs follows a moment later: the load state paints first, and the
  // derivations of 8,640 runs are renders of their own (the runs and completeness stay paired).
  const live = useMemo(() => ({ runs, isComplete: base.isComplete }), [runs, base.isComplete]);
  const settled = useDeferredValue(live);
  const insights = useWindowInsights(settled.runs, params, {
    shown,
    isComplete: settled.isComplete,
    now,
  });
  // The trends reach the newest run, not the ticking clock: they redraw when a run arrives.
  const trendsUntil =
    includesNow && insights.lastStart !== null
      ? Math.max(window.until, insights.lastStart + 1)
      : window.until;
  const actions = useViewActions(update);
  const summaryId = useId();
  const unavailable = integrationUnavailable(base.query.error);
  const isLast30Days = params.window.kind === 'preset' && params.window.preset === DEFAULT_PRESET;

  return (
    <div className="space-y-4">
      <WindowToolbar
        integration={integration}
        params={params}
        window={opened.window}
        data={data}
        onWindowChange={actions.setWindow}
      />
      <RetryNotice
        failureReason={base.query.failureReason}
        failureCount={base.query.failureCount}
        paused={base.query.fetchStatus === 'paused'}
        fetching={base.query.fetchStatus === 'fetching'}
        pageRetry={base.retrying}
      />
      {unavailable && (
        <UnavailablePanel
          integrationName={integration.name}
          unavailable={unavailable}
          now={now}
          onShowRun={actions.selectRun}
        />
      )}
      {base.query.isError && !unavailable && !base.query.data && (
        <ErrorPanel
          title="Sync runs could not be loaded"
          error={base.query.error}
          onRetry={() => void base.query.refetch()}
        />
      )}
      {base.query.isPending && <WindowLoading />}

      {base.query.data && (
        <>
          <LoadProgress
            loaded={base.runs.length}
            progress={base.progress}
            retries={base.retries}
            isComplete={base.isComplete}
            isFetchingMore={base.query.isFetchingNextPage}
            halt={base.halt}
            nextPageError={base.query.isFetchNextPageError ? base.query.error : null}
            onResume={() => void base.query.fetchNextPage()}
            problems={data.problems}
            warnings={base.warnings}
          />
          {base.keptAsOf !== null && (
            <p className="text-sm text-slate-700">
              Showing runs kept in this browser, as of{' '}
              <TimeText iso={new Date(base.keptAsOf).toISOString()} show="both" />; reading what is
              new…
            </p>
          )}
          <TimelineSummary
            id={summaryId}
            counts={insights.counts}
            latest={insights.latest}
            total={settled.runs.length}
          />
          {settled.runs.length === 0 && settled.isComplete ? (
            <EmptyWindow
              neverRan={insights.latest === null}
              onShowLast30Days={
                isLast30Days
                  ? null
                  : () => actions.setWindow({ kind: 'preset', preset: DEFAULT_PRESET })
              }
            />
          ) : (
            <>
              <CadenceSummary
                result={insights.cadence}
                lastStart={insights.lastStart}
                missed={insights.missed.length}
                now={now}
              />
              <LiveTimeline
                runs={insights.chartRuns}
                since={window.since}
                until={window.until}
                includesNow={includesNow}
                selectedRunId={params.run}
                summaryId={summaryId}
                onSelectRun={actions.selectRun}
                onSelectRange={actions.selectRange}
                missed={insights.missed}
                highlightedRunIds={insights.focusRuns}
              />
              <UnusualActivity
                report={insights.anomalies}
                selectedId={params.anomaly}
                onSelect={actions.selectAnomaly}
              />
              <div className="grid gap-4 lg:grid-cols-2">
                <ErrorBoundary label="The record finder">
                  <AnswerPanel
                    integrationName={integration.name}
                    runs={settled.runs}
                    activities={insights.activities}
                    now={now}
                    isComplete={settled.isComplete}
                    unavailable={null}
                    requestIds={base.requestIds}
                    signatures={insights.signatures}
                    onShowRun={actions.showRun}
                  />
                </ErrorBoundary>
                <SignatureList
                  signatures={insights.signatures}
                  runs={settled.runs}
                  window={shown}
                  selectedId={params.sig}
                  onSelect={actions.selectSignature}
                />
              </div>
              <TrendsSection
                runs={settled.runs}
                since={window.since}
                until={trendsUntil}
                anomalies={insights.anomalies?.anomalies ?? null}
              />
              <FreshnessList items={insights.freshness} />
              <RunFilters
                statuses={params.statuses}
                counts={insights.counts}
                q={params.q}
                onToggleStatus={actions.toggleStatus}
                onQueryChange={actions.setQuery}
              />
              <ExportMenu
                integration={integration.name}
                window={opened.window}
                runs={insights.filtered}
                signatures={insights.signatures}
                anomalies={insights.anomalies?.anomalies ?? []}
              />
              <SelectionNotices runId={params.run} insights={insights} actions={actions} />
              <p className="text-sm text-slate-700" role="status">
                Showing {insights.filtered.length.toLocaleString()} of{' '}
                {settled.runs.length.toLocaleString()} runs.
              </p>
              {insights.filtered.length === 0 ? (
                <p className="rounded border border-slate-200 bg-white p-4 text-sm">
                  No runs match these filters.
                </p>
              ) : (
                <ErrorBoundary label="The runs table">
                  <RunsTable
                    runs={insights.filtered}
                    now={now}
                    selectedRunId={params.run}
                    onSelectRun={actions.selectRun}
                    sort={params.sort}
                    onSortChange={actions.setSort}
                  />
                </ErrorBoundary>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
