// `/integrations/:name`: the URL-driven view of one integration (window, filters, selected run).
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { windowKeyOf, type ViewParams } from '@/domain/sync-runs/view/view-params';
import { useOpenedWindow } from '@/features/sync-runs/hooks/use-opened-window';
import { useViewParams, type ViewUpdate } from '@/features/sync-runs/hooks/use-view-params';
import type { IntegrationInfo } from '@/lib/integrations/catalog';
import { TimeZoneContext } from '@/lib/time/use-time-zone';
import { rememberTimeZone } from '@/features/sync-runs/prefs/view-defaults';
import { zoneOf } from '@/lib/format/time-zones';
import { TimeZonePicker } from './time-zone-picker';
import { ViewNotices } from './view-notices';

// The window view (chart, table, insights) loads when first opened; its data is already on the way.
const IntegrationWindowView = lazy(() =>
  import('./integration-window-view').then((m) => ({ default: m.IntegrationWindowView })),
);

export type IntegrationPageProps = { integration: IntegrationInfo };

export function IntegrationPage({ integration }: IntegrationPageProps) {
  const { params, notices, dismissNotices, update } = useViewParams();
  return (
    <TimeZoneContext.Provider value={zoneOf(params.tz)}>
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
          <TimeZonePicker
            mode={params.tz}
            onChange={(tz) => {
              rememberTimeZone(tz);
              update({ tz }, { replace: true });
            }}
          />
        </div>
        <ViewNotices notices={notices} onDismiss={dismissNotices} />
        {/* A new window is a new listing; filters and the selected run carry over. */}
        <OpenedWindowView
          key={windowKeyOf(params)}
          integration={integration}
          params={params}
          update={update}
        />
      </section>
    </TimeZoneContext.Provider>
  );
}

type OpenedWindowViewProps = {
  integration: IntegrationInfo;
  params: ViewParams;
  update: ViewUpdate;
};

function OpenedWindowView({ integration, params, update }: OpenedWindowViewProps) {
  const opened = useOpenedWindow(integration.name, params.window);
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <IntegrationWindowView
        integration={integration}
        opened={opened}
        params={params}
        update={update}
      />
    </Suspense>
  );
}
