// `/integrations/:name`: the URL-driven view of one integration (window, filters, selected run).
import { Link } from 'react-router';
import type { IntegrationInfo } from '../../../lib/integrations/catalog';
import { TimeZoneContext } from '../hooks/use-time-zone';
import { useViewParams } from '../hooks/use-view-params';
import { serializeViewParams } from '../model/view-params';
import { IntegrationWindowView } from './integration-window-view';
import { TimeZoneSwitch } from './time-zone-switch';
import { ViewNotices } from './view-notices';

export type IntegrationPageProps = { integration: IntegrationInfo; maxParallelSlices?: number };

export function IntegrationPage({ integration, maxParallelSlices }: IntegrationPageProps) {
  const { params, notices, dismissNotices, update } = useViewParams();
  // A new window is a new listing; filters and the selected run carry over.
  const windowKey = serializeViewParams({
    ...params,
    statuses: [],
    q: '',
    run: null,
    sig: null,
    tz: 'local',
  }).toString();
  return (
    <TimeZoneContext.Provider value={params.tz === 'utc' ? 'UTC' : undefined}>
      <section aria-labelledby="integration-heading" className="space-y-4">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link
            to="/"
            className="text-blue-700 underline decoration-blue-700/40 underline-offset-2 hover:decoration-blue-700"
          >
            Integrations
          </Link>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{integration.displayName}</span>
        </nav>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 id="integration-heading" className="text-xl font-semibold">
            {integration.displayName}{' '}
            <span className="text-sm font-normal text-slate-600">({integration.kind})</span>
          </h1>
          <TimeZoneSwitch mode={params.tz} onChange={(tz) => update({ tz }, { replace: true })} />
        </div>
        <ViewNotices notices={notices} onDismiss={dismissNotices} />
        <IntegrationWindowView
          key={windowKey}
          integration={integration}
          maxParallelSlices={maxParallelSlices}
          params={params}
          update={update}
        />
      </section>
    </TimeZoneContext.Provider>
  );
}
