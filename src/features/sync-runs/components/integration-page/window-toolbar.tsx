// Above the window: the window picker, a link to exactly this view, and the live indicator.
import { CopyButton } from '@/components/copy-button';
import { LIVE_POLL_MS, LIVE_POLL_RUNNING_MS } from '@/domain/sync-runs/fetching/live';
import {
  serializeViewParams,
  type ViewParams,
  type ViewWindow,
} from '@/domain/sync-runs/view/view-params';
import type { RunWindow } from '@/domain/sync-runs/model/window';
import { zoneOf } from '@/lib/format/time-zones';
import type { WindowRuns } from '@/features/sync-runs/hooks/use-window-runs';
import { SavedViewsControls } from '@/features/sync-runs/saved-views/saved-views-controls';
import type { IntegrationInfo } from '@/lib/integrations/catalog';
import { LiveIndicator } from './live-indicator';
import { WindowPicker } from './window-picker';

export type WindowToolbarProps = {
  integration: IntegrationInfo;
  params: ViewParams;
  window: RunWindow;
  data: WindowRuns;
  onWindowChange: (window: ViewWindow) => void;
};

/** Links for support tickets pin the absolute window, so they show what this user saw. */
function pinnedLink(params: ViewParams, window: RunWindow): string {
  const search = serializeViewParams({ ...params, window: { kind: 'custom', ...window } });
  return `${globalThis.location.origin}${globalThis.location.pathname}?${search.toString()}`;
}

export function WindowToolbar({
  integration,
  params,
  window,
  data,
  onWindowChange,
}: WindowToolbarProps) {
  const { base, live, includesNow, running } = data;
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <WindowPicker
        value={params.window}
        resolved={window}
        timeZone={zoneOf(params.tz)}
        onChange={onWindowChange}
      />
      <div className="flex flex-wrap items-center gap-3">
        <CopyButton
          value={pinnedLink(params, window)}
          label="Copy a link to exactly this view"
          text="Copy link"
        />
        <SavedViewsControls integration={integration} params={params} />
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
  );
}
