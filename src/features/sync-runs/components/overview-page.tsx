// `/`: every configured integration at a glance.
import type { IntegrationInfo } from '../../../lib/integrations/catalog';
import { IntegrationCard, OVERVIEW_WINDOW_DAYS } from './integration-card';

export function OverviewPage({ integrations }: { integrations: IntegrationInfo[] }) {
  return (
    <section aria-labelledby="overview-heading">
      <h1 id="overview-heading" className="text-xl font-semibold">
        Integrations
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        Sync health over the last {OVERVIEW_WINDOW_DAYS} days. Open an integration for up to 30 days
        of history.
      </p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {integrations.map((integration) => (
          <IntegrationCard key={integration.name} integration={integration} />
        ))}
      </div>
    </section>
  );
}
