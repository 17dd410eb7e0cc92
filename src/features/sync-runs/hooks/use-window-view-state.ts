// The integration page's view model for one window: the runs as loaded, the time shown (up to now
// while the window includes now), the derivations of the settled runs, and the page's actions.
import { useDeferredValue, useMemo } from 'react';
import { integrationUnavailable } from '@/domain/sync-runs/model/integration-state';
import { windowMs } from '@/domain/sync-runs/model/window';
import { DEFAULT_PRESET, type ViewParams } from '@/domain/sync-runs/view/view-params';
import { SLOW_TICK_MS, useClock } from '@/lib/time/use-clock';
import type { OpenedWindow } from './use-opened-window';
import { useViewActions } from './use-view-actions';
import type { ViewUpdate } from './use-view-params';
import { useWindowInsights } from './use-window-insights';
import { useWindowRuns } from './use-window-runs';

export function useWindowViewState(
  name: string,
  opened: OpenedWindow,
  params: ViewParams,
  update: ViewUpdate,
) {
  const data = useWindowRuns(name, opened, 'page');
  const { base, runs, includesNow } = data;
  const now = useClock(SLOW_TICK_MS);
  const window = useMemo(() => windowMs(opened.window), [opened.window]);
  // What the page shows of time: the window, or up to now while the window includes now.
  const shown = useMemo(
    () => ({
      since: window.since,
      until: includesNow ? Math.max(window.until, now) : window.until,
    }),
    [window, includesNow, now],
  );
  // What is derived from the runs follows a moment later: the load state paints first, and the
  // derivations of 8,640 runs are renders of their own (the runs and completeness stay paired).
  const live = useMemo(() => ({ runs, isComplete: base.isComplete }), [runs, base.isComplete]);
  const settled = useDeferredValue(live);
  const insights = useWindowInsights(settled.runs, params, {
    shown,
    isComplete: settled.isComplete,
    now,
  });
  // The trends reach the newest run, not the ticking clock: they redraw when a run arrives.
  const trendsUntil =
    includesNow && insights.lastStart !== null
      ? Math.max(window.until, insights.lastStart + 1)
      : window.until;
  const actions = useViewActions(update);
  return {
    data,
    base,
    includesNow,
    now,
    window,
    shown,
    settled,
    insights,
    trendsUntil,
    actions,
    unavailable: integrationUnavailable(base.query.error),
    isLast30Days: params.window.kind === 'preset' && params.window.preset === DEFAULT_PRESET,
  };
}

export type WindowViewState = ReturnType<typeof useWindowViewState>;
