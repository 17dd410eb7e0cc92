// The URL scheme (a public interface: support staff link to these paths; see README, "Deep links").
import { Link, useParams } from 'react-router';
import { IntegrationPage } from '@/features/sync-runs/components/integration-page/integration-page';
import { OverviewPage } from '@/features/sync-runs/components/overview/overview-page';
import { integrationRefs, type AppConfig } from '@/lib/config/app-config';
import { describeIntegration } from '@/lib/integrations/catalog';

export function OverviewRoute({ config }: { config: AppConfig }) {
  return <OverviewPage integrations={integrationRefs(config).map(describeIntegration)} />;
}

export function IntegrationRoute({ config }: { config: AppConfig }) {
  const { name = '' } = useParams();
  // A deep link to an integration that is not in config still works: the API decides what it is.
  const ref = integrationRefs(config).find((r) => r.name === name) ?? { name };
  return <IntegrationPage key={name} integration={describeIntegration(ref)} />;
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
