// One integration over one window, laid out: toolbar, load state, then chart, insights and table.
// The data comes from hooks (runs, derivations, actions); the sections render what they are given.
import { useId } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { TimeText } from '@/components/time-text';
import { DEFAULT_PRESET, type ViewParams } from '@/domain/sync-runs/view/view-params';
import { TimelineSummary } from '@/features/sync-runs/components/timeline/timeline-summary';
import type { OpenedWindow } from '@/features/sync-runs/hooks/use-opened-window';
import type { ViewUpdate } from '@/features/sync-runs/hooks/use-view-params';
import { useWindowViewState } from '@/features/sync-runs/hooks/use-window-view-state';
import type { IntegrationInfo } from '@/lib/integrations/catalog';
import { LoadProgress } from './load-progress';
import { RetryNotice } from './retry-notice';
import { UnavailablePanel } from './unavailable-panel';
import { WindowInsightSections, WindowRunsSection } from './window-sections';
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
  const view = useWindowViewState(integration.name, opened, params, update);
  const { data, base, now, settled, insights, actions, unavailable } = view;
  const summaryId = useId();

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
                view.isLast30Days
                  ? null
                  : () => actions.setWindow({ kind: 'preset', preset: DEFAULT_PRESET })
              }
            />
          ) : (
            <>
              <WindowInsightSections
                view={view}
                params={params}
                integrationName={integration.name}
                summaryId={summaryId}
              />
              <WindowRunsSection
                view={view}
                params={params}
                integrationName={integration.name}
                opened={opened}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
