// `/integrations/:name`: every run of the last 30 days for one integration.
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorPanel } from '../../../components/error-panel';
import type { IntegrationInfo } from '../../../lib/integrations/catalog';
import { useSyncRuns } from '../hooks/use-sync-runs';
import { integrationUnavailable } from '../model/integration-state';
import { MAX_WINDOW_MS, windowEndingAt } from '../model/window';
import { LoadProgress } from './load-progress';
import { RunsTable } from './runs-table';

export function IntegrationPage({ integration }: { integration: IntegrationInfo }) {
  const [window] = useState(() => windowEndingAt(Date.now(), MAX_WINDOW_MS));
  const [now] = useState(() => Date.now());
  const { query, runs, problems, warnings, paging, isComplete } = useSyncRuns(integration.name, window);
  const unavailable = integrationUnavailable(query.error);

  return (
    <section aria-labelledby="integration-heading" className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to="/" className="text-blue-700 hover:underline">Integrations</Link>
        <span aria-hidden="true"> / </span>
        <span>{integration.displayName}</span>
      </nav>
      <h1 id="integration-heading" className="text-xl font-semibold">
        {integration.displayName} <span className="text-sm font-normal text-slate-600">({integration.kind})</span>
      </h1>
      <p className="text-sm text-slate-600">Runs that started in the last 30 days.</p>
      {query.isPending && <p role="status">Loading runs…</p>}
      {unavailable && (
        <div className="rounded border border-slate-300 bg-white p-4">
          <p className="font-semibold">{unavailable.title}</p>
          <p className="mt-1 text-sm text-slate-700">{unavailable.explanation}</p>
        </div>
      )}
      {query.isError && !unavailable && !query.data && (
        <ErrorPanel title="Sync runs could not be loaded" error={query.error} onRetry={() => void query.refetch()} />
      )}
      {query.data && (
        <>
          <LoadProgress
            loaded={runs.length}
            isComplete={isComplete}
            isFetchingMore={query.isFetchingNextPage}
            paging={paging}
            nextPageError={query.isFetchNextPageError ? query.error : null}
            onResume={() => void query.fetchNextPage()}
            problems={problems}
            warnings={warnings}
          />
          {runs.length === 0 && isComplete ? (
            <p className="rounded border border-slate-200 bg-white p-4 text-sm">No runs started in this window.</p>
          ) : (
            <RunsTable runs={runs} now={now} />
          )}
        </>
      )}
    </section>
  );
}
