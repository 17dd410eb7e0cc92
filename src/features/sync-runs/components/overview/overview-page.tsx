// `/`: every configured integration at a glance, the worst first once their health is known, with
// one timeline of them all. It stays live, on the integration page's rules, and says how fresh it is.
import { useCallback, useMemo, useState } from 'react';
import type { IntegrationInfo } from '@/lib/integrations/catalog';
import { HEALTH_RANK } from '@/domain/sync-runs/judgements/health';
import { DAY_MS, windowEndingAt, windowMs } from '@/domain/sync-runs/model/window';
import type { OpenedWindow } from '@/features/sync-runs/hooks/use-opened-window';
import { SLOW_TICK_MS, useClock } from '@/lib/time/use-clock';
import { IntegrationCard, OVERVIEW_WINDOW_DAYS, type CardReport } from './integration-card';
import { OverviewFreshness } from './overview-freshness';
import { OverviewTimeline } from './overview-timeline';
import { useThrottledValue } from '@/features/sync-runs/hooks/use-throttled-value';
import { useSearchParams } from 'react-router';
import { useViewDefaults } from '@/features/sync-runs/prefs/view-defaults';
import { SavedViewsList } from '@/features/sync-runs/saved-views/saved-views-list';
import { StorageNotice } from '@/features/sync-runs/components/storage-notice';
import { useSavedViews } from '@/features/sync-runs/saved-views/saved-views-store';
import { readTimeZone, zoneOf } from '@/lib/format/time-zones';
import { TimeZoneContext } from '@/lib/time/use-time-zone';

export function OverviewPage({ integrations }: { integrations: IntegrationInfo[] }) {
  // One window for every card and lane, worked out once when the overview opens.
  const [opened] = useState<OpenedWindow>(() => {
    const openedAt = Date.now();
    return { window: windowEndingAt(openedAt, OVERVIEW_WINDOW_DAYS * DAY_MS), openedAt };
  });
  const [reports, setReports] = useState<Record<string, CardReport>>({});
  const onReport = useCallback(
    (name: string, report: CardReport) =>
      setReports((prev) => {
        const old = prev[name];
        const same =
          old &&
          old.state === report.state &&
          old.runs === report.runs &&
          old.note === report.note &&
          old.updatedAt === report.updatedAt;
        return same ? prev : { ...prev, [name]: report };
      }),
    [],
  );
  // Stable sort: configured order within the same health; unknown health keeps its place meanwhile.
  const ordered = useMemo(
    () =>
      integrations
        .map((integration, index) => ({
          integration,
          index,
          rank: HEALTH_RANK[reports[integration.name]?.state ?? 'unknown'],
        }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .map((entry) => entry.integration),
    [integrations, reports],
  );
  // The lanes reach the present as the overview stays open.
  const now = useClock(SLOW_TICK_MS);
  const window = useMemo(() => {
    const base = windowMs(opened.window);
    return { since: base.since, until: Math.max(base.until, now) };
  }, [opened.window, now]);
  const lanes = useMemo(
    () =>
      ordered.map((integration) => ({
        integration,
        runs: reports[integration.name]?.runs ?? null,
        note: reports[integration.name]?.note ?? null,
      })),
    [ordered, reports],
  );
  // A card that has not reported yet is still loading (0); null: it has nothing to refresh.
  const updates = integrations.map((i) => {
    const report = reports[i.name];
    return report ? report.updatedAt : 0;
  });
  // Ten cards' weeks arrive page by page: the lanes redraw at most once a second until all are in.
  const shownLanes = useThrottledValue(
    lanes,
    1000,
    updates.every((updatedAt) => updatedAt !== 0),
  );
  const [search] = useSearchParams();
  const defaults = useViewDefaults();
  const zone = zoneOf(readTimeZone(search.get('tz') ?? '') ?? defaults.tz);
  const savedViews = useSavedViews();
  return (
    <TimeZoneContext.Provider value={zone}>
      <section aria-labelledby="overview-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h1 id="overview-heading" className="text-xl font-semibold">
            Integrations
          </h1>
          <OverviewFreshness updates={updates} />
        </div>
        <p className="mt-1 text-sm text-slate-600">
          Sync health over the last {OVERVIEW_WINDOW_DAYS} days, the worst first. Open an
          integration for up to 30 days of history.
        </p>
        <StorageNotice className="mt-2" />
        {savedViews.length > 0 && (
          <section
            aria-labelledby="saved-views-heading"
            className="mt-4 rounded-lg border border-slate-200 bg-white p-3"
          >
            <h2 id="saved-views-heading" className="font-semibold">
              Saved views
            </h2>
            <SavedViewsList views={savedViews} />
          </section>
        )}
        <OverviewTimeline lanes={shownLanes} window={window} days={OVERVIEW_WINDOW_DAYS} />
        <div className="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {ordered.map((integration) => (
            <IntegrationCard
              key={integration.name}
              integration={integration}
              opened={opened}
              onReport={onReport}
            />
          ))}
        </div>
      </section>
    </TimeZoneContext.Provider>
  );
}
