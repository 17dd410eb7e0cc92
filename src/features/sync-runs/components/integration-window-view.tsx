// One integration over one window: load every page, stay live, then chart and table.
import { NOTICE } from '../../../components/notice-styles';
import { ErrorBoundary } from '../../../components/error-boundary';
import { lazy, Suspense, useCallback, useId, useMemo, useState } from 'react';
import { CopyButton } from '../../../components/copy-button';
import { ErrorPanel } from '../../../components/error-panel';
import type { RunStatus } from '../../../lib/api/schemas';
import type { IntegrationInfo } from '../../../lib/integrations/catalog';
import { useLiveRuns } from '../hooks/use-live-runs';
import { useThrottledValue } from '../hooks/use-throttled-value';
import { useNow } from '../hooks/use-now';
import type { useViewParams } from '../hooks/use-view-params';
import { useSyncRuns } from '../hooks/use-sync-runs';
import { filterRuns } from '../model/filter-runs';
import { integrationUnavailable } from '../model/integration-state';
import { hasRunning, LIVE_POLL_MS, LIVE_POLL_RUNNING_MS, liveSince } from '../model/live';
import { uniqueProblems } from '../model/paging';
import { resolveWindow, serializeViewParams, type ViewParams } from '../model/view-params';
import { ChartSkeleton, TableSkeleton } from './skeletons';
import { LiveIndicator } from './live-indicator';
import { LoadProgress } from './load-progress';
import { RetryNotice } from './retry-notice';
import { RunFilters } from './run-filters';
import { RunsTable } from './runs-table';
import { TimelineSummary } from './timeline-summary';
import { WindowPicker } from './window-picker';
import { ExportMenu } from '../export/export-menu';
import { AnswerPanel } from './insights/answer-panel';
import { CadenceSummary } from './insights/cadence-summary';
import { FreshnessList } from './insights/freshness-list';
import { SignatureList } from './insights/signature-list';
import { findMissedRuns } from '../model/cadence';
import {
  cadenceOf,
  countsOf,
  freshnessOf,
  latestRunOf,
  latestStartOf,
  signaturesOf,
  withLiveRuns,
} from '../model/window-derivations';
import type { SyncRun } from '../../../lib/api/schemas';

const NO_RUNS: readonly SyncRun[] = [];

const RunTimeline = lazy(() => import('./run-timeline'));

export type IntegrationWindowViewProps = {
  integration: IntegrationInfo;
  maxParallelSlices?: number;
  params: ViewParams;
  update: ReturnType<typeof useViewParams>['update'];
};

export function IntegrationWindowView({
  integration,
  maxParallelSlices,
  params,
  update,
}: IntegrationWindowViewProps) {
  const [openedAt] = useState(() => Date.now());
  const window = useMemo(() => resolveWindow(params.window, openedAt), [params.window, openedAt]);
  const since = Date.parse(window.since);
  const until = Date.parse(window.until);
  const base = useSyncRuns(integration.name, window, { maxSlices: maxParallelSlices });
  const includesNow = until >= openedAt - 60_000;
  const running = hasRunning(base.runs);
  const refreshSince = useMemo(
    () => (includesNow && base.isComplete ? liveSince(base.runs, since) : null),
    [includesNow, base.isComplete, base.runs, since],
  );
  const live = useLiveRuns(integration.name, refreshSince, running);
  const mergedRuns = withLiveRuns(base.runs, live.data?.runs ?? NO_RUNS);
  // While pages keep arriving, redraw the heavy views (chart, table, insights) at most once a second:
  // the first runs show at once, the rest when complete (progress counts stay live).
  const runs = useThrottledValue(mergedRuns, 1000, base.isComplete);
  const now = useNow(hasRunning(runs) ? 1000 : 30_000);
  const chartUntil = includesNow ? Math.max(until, now) : until;

  const signatures = signaturesOf(runs);
  const selectedSignature = signatures.find((sig) => sig.id === params.sig) ?? null;
  const signatureRuns = useMemo(
    () => (selectedSignature ? new Set(selectedSignature.runIds) : null),
    [selectedSignature],
  );
  // The chart shows the status/text filters and highlights a selected signature; the table lists only it.
  const chartRuns = useMemo(() => filterRuns(runs, params), [runs, params]);
  const filtered = useMemo(
    () => (signatureRuns ? chartRuns.filter((run) => signatureRuns.has(run.run_id)) : chartRuns),
    [chartRuns, signatureRuns],
  );
  const cadence = cadenceOf(runs);
  const missed = useMemo(
    () =>
      cadence.ok && base.isComplete
        ? findMissedRuns(runs, cadence.cadence, { since, until: chartUntil }, now)
        : [],
    [cadence, base.isComplete, runs, since, chartUntil, now],
  );
  const freshness = freshnessOf(runs);
  const activities = useMemo(() => freshness.map((f) => f.activity), [freshness]);
  const lastStart = latestStartOf(runs);
  const requestIds = base.requestIds;
  const counts = countsOf(runs);
  const latest = latestRunOf(runs);
  const summaryId = useId();
  const unavailable = integrationUnavailable(base.query.error);
  const problems = useMemo(
    () => uniqueProblems([...base.problems, ...(live.data?.problems ?? [])]),
    [base.problems, live.data],
  );

  // Links for support tickets pin the absolute window, so they show what this user saw.
  const pinnedLink = `${globalThis.location.origin}${globalThis.location.pathname}?${serializeViewParams(
    {
      ...params,
      window: { kind: 'custom', ...window },
    },
  ).toString()}`;

  const selectSignature = useCallback(
    (sig: string | null) => update({ sig }, { replace: true }),
    [update],
  );
  const selectRun = useCallback(
    (run: string | null) => update({ run }, { replace: true }),
    [update],
  );
  const showRun = useCallback(
    (run: string) => update({ run, statuses: [], q: '', sig: null }, { replace: true }),
    [update],
  );
  const selectRange = useCallback(
    (from: number, to: number) =>
      update({
        window: {
          kind: 'custom',
          since: new Date(Math.floor(from)).toISOString(),
          until: new Date(Math.ceil(to)).toISOString(),
        },
      }),
    [update],
  );
  const toggleStatus = useCallback(
    (status: RunStatus) =>
      update(
        (current) => ({
          statuses: current.statuses.includes(status)
            ? current.statuses.filter((s) => s !== status)
            : [...current.statuses, status],
        }),
        { replace: true },
      ),
    [update],
  );
  const setQuery = useCallback((q: string) => update({ q }, { replace: true }), [update]);

  const selectedMissing =
    params.run !== null && base.isComplete && !runs.some((run) => run.run_id === params.run);
  const selectedHidden =
    params.run !== null && !selectedMissing && !filtered.some((run) => run.run_id === params.run);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <WindowPicker
          value={params.window}
          resolved={window}
          utc={params.tz === 'utc'}
          onChange={(w) => update({ window: w })}
        />
        <div className="flex flex-wrap items-center gap-3">
          <CopyButton
            value={pinnedLink}
            label="Copy a link to exactly this view"
            text="Copy link"
          />
          {includesNow && base.isComplete && (
            <LiveIndicator
              fetchedAt={live.data?.fetchedAt ?? base.query.dataUpdatedAt}
              intervalMs={running ? LIVE_POLL_RUNNING_MS : LIVE_POLL_MS}
              isFetching={live.isFetching}
              error={live.error}
              running={running}
            />
          )}
        </div>
      </div>

      <RetryNotice
        failureReason={base.query.failureReason}
        failureCount={base.query.failureCount}
        paused={base.query.fetchStatus === 'paused'}
        fetching={base.query.fetchStatus === 'fetching'}
        pageRetry={base.retrying}
      />
      {unavailable && (
        <>
          <div className="rounded border border-slate-300 bg-white p-4">
            <p className="font-semibold">{unavailable.title}</p>
            <p className="mt-1 text-sm text-slate-700">{unavailable.explanation}</p>
          </div>
          <AnswerPanel
            integrationName={integration.name}
            runs={[]}
            activities={[]}
            now={now}
            isComplete
            unavailable={unavailable}
            requestIds={[]}
            signatures={[]}
            onShowRun={selectRun}
          />
        </>
      )}
      {base.query.isError && !unavailable && !base.query.data && (
        <ErrorPanel
          title="Sync runs could not be loaded"
          error={base.query.error}
          onRetry={() => void base.query.refetch()}
        />
      )}
      {base.query.isPending && (
        <div className="space-y-4" aria-busy="true">
          <p role="status" className="text-sm text-slate-700">
            Loading runs…
          </p>
          <ChartSkeleton />
          <TableSkeleton />
        </div>
      )}

      {base.query.data && (
        <>
          <LoadProgress
            loaded={base.runs.length}
            progress={base.progress}
            retries={base.retries}
            isComplete={base.isComplete}
            isFetchingMore={base.query.isFetchingNextPage}
            paging={base.paging}
            nextPageError={base.query.isFetchNextPageError ? base.query.error : null}
            onResume={() => void base.query.fetchNextPage()}
            problems={problems}
            warnings={base.warnings}
          />
          <TimelineSummary id={summaryId} counts={counts} latest={latest} total={runs.length} />
          {runs.length === 0 && base.isComplete ? (
            <div className="rounded border border-slate-200 bg-white p-4 text-sm">
              <p>No runs started in this window.</p>
              {latest === null && (
                <p className="text-slate-700">
                  Where is my record: with no runs here, nothing synced in this period.
                </p>
              )}
              {params.window.kind !== 'preset' || params.window.preset !== '30d' ? (
                <button
                  type="button"
                  className="mt-2 text-blue-700 underline"
                  onClick={() => update({ window: { kind: 'preset', preset: '30d' } })}
                >
                  Show the last 30 days instead
                </button>
              ) : null}
            </div>
          ) : (
            <>
              <CadenceSummary
                result={cadence}
                lastStart={lastStart}
                missed={missed.length}
                now={now}
              />
              <ErrorBoundary label="The run timeline">
                <Suspense fallback={<ChartSkeleton />}>
                  <RunTimeline
                    runs={chartRuns}
                    since={since}
                    until={chartUntil}
                    now={now}
                    selectedRunId={params.run}
                    summaryId={summaryId}
                    onSelectRun={selectRun}
                    onSelectRange={selectRange}
                    missed={missed}
                    highlightedRunIds={signatureRuns}
                  />
                </Suspense>
              </ErrorBoundary>
              <div className="grid gap-4 lg:grid-cols-2">
                <ErrorBoundary label="The record finder">
                  <AnswerPanel
                    integrationName={integration.name}
                    runs={runs}
                    activities={activities}
                    now={now}
                    isComplete={base.isComplete}
                    unavailable={null}
                    requestIds={requestIds}
                    signatures={signatures}
                    onShowRun={showRun}
                  />
                </ErrorBoundary>
                <SignatureList
                  signatures={signatures}
                  runs={runs}
                  window={{ since, until: chartUntil }}
                  selectedId={params.sig}
                  onSelect={selectSignature}
                />
              </div>
              <FreshnessList items={freshness} />
              <RunFilters
                statuses={params.statuses}
                counts={counts}
                q={params.q}
                onToggleStatus={toggleStatus}
                onQueryChange={setQuery}
              />
              <ExportMenu
                integration={integration.name}
                window={window}
                runs={filtered}
                signatures={signatures}
              />
              {selectedMissing && (
                <p role="status" className={NOTICE.warning}>
                  Run <code>{params.run}</code> did not start in this window. Choose a wider window
                  or clear the selection.{' '}
                  <button type="button" className="underline" onClick={() => selectRun(null)}>
                    Clear selection
                  </button>
                </p>
              )}
              {params.sig && !selectedSignature && base.isComplete && (
                <p role="status" className={NOTICE.warning}>
                  That failure does not occur in this window, so all runs are shown.{' '}
                  <button type="button" className="underline" onClick={() => selectSignature(null)}>
                    Dismiss
                  </button>
                </p>
              )}
              {selectedSignature && (
                <p role="status" className={NOTICE.highlight}>
                  Showing the {selectedSignature.runCount} runs where {selectedSignature.resource}{' '}
                  failed ({selectedSignature.reason}).{' '}
                  <button type="button" className="underline" onClick={() => selectSignature(null)}>
                    Show all runs
                  </button>
                </p>
              )}
              {selectedHidden && (
                <p role="status" className={NOTICE.info}>
                  The selected run is hidden by the filters.{' '}
                  <button
                    type="button"
                    className="underline"
                    onClick={() => update({ statuses: [], q: '' }, { replace: true })}
                  >
                    Clear filters
                  </button>
                </p>
              )}
              <p className="text-sm text-slate-700" role="status">
                Showing {filtered.length.toLocaleString()} of {runs.length.toLocaleString()} runs.
              </p>
              {filtered.length === 0 ? (
                <p className="rounded border border-slate-200 bg-white p-4 text-sm">
                  No runs match these filters.
                </p>
              ) : (
                <ErrorBoundary label="The runs table">
                  <RunsTable
                    runs={filtered}
                    now={now}
                    selectedRunId={params.run}
                    onSelectRun={selectRun}
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
