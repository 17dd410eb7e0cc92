// The sections of a loaded window: what the runs say (cadence, chart, unusual activity, the record
// finder, signatures, trends, freshness), then the runs themselves (filters, export, the table).
import type { ViewParams } from '@/domain/sync-runs/view/view-params';
import { ErrorBoundary } from '@/components/error-boundary';
import { ExportMenu } from '@/features/sync-runs/export/export-menu';
import { AnswerPanel } from '@/features/sync-runs/components/insights/answer-panel';
import { CadenceSummary } from '@/features/sync-runs/components/insights/cadence-summary';
import { FreshnessList } from '@/features/sync-runs/components/insights/freshness-list';
import { SignatureList } from '@/features/sync-runs/components/insights/signature-list';
import { UnusualActivity } from '@/features/sync-runs/components/insights/unusual-activity';
import { RunsTable } from '@/features/sync-runs/components/runs-table/runs-table';
import { LiveTimeline } from '@/features/sync-runs/components/timeline/live-timeline';
import { TrendsSection } from '@/features/sync-runs/components/trends/trends-section';
import type { OpenedWindow } from '@/features/sync-runs/hooks/use-opened-window';
import type { WindowViewState } from '@/features/sync-runs/hooks/use-window-view-state';
import { RunFilters } from './run-filters';
import { SelectionNotices } from './selection-notices';

type SectionProps = { view: WindowViewState; params: ViewParams; integrationName: string };

export function WindowInsightSections({
  view,
  params,
  integrationName,
  summaryId,
}: SectionProps & { summaryId: string }) {
  const { insights, settled, actions, now, window } = view;
  return (
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
        includesNow={view.includesNow}
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
            integrationName={integrationName}
            runs={settled.runs}
            activities={insights.activities}
            now={now}
            isComplete={settled.isComplete}
            unavailable={null}
            requestIds={view.base.requestIds}
            signatures={insights.signatures}
            onShowRun={actions.showRun}
          />
        </ErrorBoundary>
        <SignatureList
          signatures={insights.signatures}
          runs={settled.runs}
          window={view.shown}
          selectedId={params.sig}
          onSelect={actions.selectSignature}
        />
      </div>
      <TrendsSection
        runs={settled.runs}
        since={window.since}
        until={view.trendsUntil}
        anomalies={insights.anomalies?.anomalies ?? null}
      />
      <FreshnessList items={insights.freshness} />
    </>
  );
}

export function WindowRunsSection({
  view,
  params,
  integrationName,
  opened,
}: SectionProps & { opened: OpenedWindow }) {
  const { insights, settled, actions, now } = view;
  return (
    <>
      <RunFilters
        statuses={params.statuses}
        counts={insights.counts}
        q={params.q}
        onToggleStatus={actions.toggleStatus}
        onQueryChange={actions.setQuery}
      />
      <ExportMenu
        integration={integrationName}
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
  );
}
