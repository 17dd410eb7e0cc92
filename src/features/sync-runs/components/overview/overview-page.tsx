// `/`: every configured integration at a glance, the worst first once their health is known.
import { useCallback, useMemo, useState } from 'react';
import type { IntegrationInfo } from '@/lib/integrations/catalog';
import { HEALTH_RANK, type HealthState } from '@/domain/sync-runs/health';
import { IntegrationCard, OVERVIEW_WINDOW_DAYS } from './integration-card';

export function OverviewPage({ integrations }: { integrations: IntegrationInfo[] }) {
  const [health, setHealth] = useState<Record<string, HealthState>>({});
  const onHealth = useCallback(
    (name: string, state: HealthState) =>
      setHealth((prev) => (prev[name] === state ? prev : { ...prev, [name]: state })),
    [],
  );
  // Stable sort: configured order within the same health; unknown health keeps its place meanwhile.
  const ordered = useMemo(
    () =>
      integrations
        .map((integration, index) => ({
          integration,
          index,
          rank: HEALTH_RANK[health[integration.name] ?? 'unknown'],
        }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .map((entry) => entry.integration),
    [integrations, health],
  );
  return (
    <section aria-labelledby="overview-heading">
      <h1 id="overview-heading" className="text-xl font-semibold">
        Integrations
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        Sync health over the last {OVERVIEW_WINDOW_DAYS} days, the worst first. Open an integration
        for up to 30 days of history.
      </p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {ordered.map((integration) => (
          <IntegrationCard key={integration.name} integration={integration} onHealth={onHealth} />
        ))}
      </div>
    </section>
  );
}
