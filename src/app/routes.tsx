// The URL scheme (a public interface: support staff link to these paths; see README).
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { useLocation, useParams, Link } from 'react-router';
import { prefetchIntegrationWindow } from '../features/sync-runs/api/prefetch-window';
import { OverviewPage } from '../features/sync-runs/components/overview-page';
import { useApiSession } from '../lib/api/api-session-context';
import { integrationRefs, type AppConfig } from '../lib/config/app-config';
import { describeIntegration } from '../lib/integrations/catalog';

// The integration page (table, virtualiser, insights) loads when first opened.
const IntegrationPage = lazy(() =>
  import('../features/sync-runs/components/integration-page').then((m) => ({
    default: m.IntegrationPage,
  })),
);

export function OverviewRoute({ config }: { config: AppConfig }) {
  return <OverviewPage integrations={integrationRefs(config).map(describeIntegration)} />;
}

export function IntegrationRoute({ config }: { config: AppConfig }) {
  const { name = '' } = useParams();
  // A deep link to an integration that is not in config still works: the API decides what it is.
  const ref = integrationRefs(config).find((r) => r.name === name) ?? { name };
  const queryClient = useQueryClient();
  const session = useApiSession();
  const { search } = useLocation();
  const maxSlices = config.fetch.maxParallelSlices;
  // Only on arrival: later URL changes come from the page itself, which already fetches them.
  useEffect(() => {
    void prefetchIntegrationWindow(queryClient, session, name, search, maxSlices);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryClient, session, name, maxSlices]);
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <IntegrationPage
        key={name}
        integration={describeIntegration(ref)}
        maxParallelSlices={maxSlices}
      />
    </Suspense>
  );
}

export function NotFoundRoute() {
  return (
    <section className="space-y-2">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p>This address does not match any page of the dashboard.</p>
      <Link to="/" className="text-blue-700 underline">
        Go to the integrations overview
      </Link>
    </section>
  );
}
