// One overview card's state: its runs on the integration page's live rules, its health (judged on
// the newest page, then on the whole week), what it reports to the overview, and its summary.
import { useEffect, useMemo, useState } from 'react';
import type { SyncRun } from '@/lib/api/schemas';
import type { IntegrationInfo } from '@/lib/integrations/catalog';
import { SLOW_TICK_MS, useClock } from '@/lib/time/use-clock';
import { integrationUnavailable } from '@/domain/sync-runs/model/integration-state';
import { stalestActivity } from '@/domain/sync-runs/judgements/freshness';
import { freshnessOf } from '@/domain/sync-runs/view/window-derivations';
import { integrationHealth, type HealthState } from '@/domain/sync-runs/judgements/health';
import { summarizeRuns } from '@/domain/sync-runs/model/summary';
import type { OpenedWindow } from './use-opened-window';
import { useWindowRuns } from './use-window-runs';

/** What a card tells the overview: its health (to put the worst first) and runs (for the lanes). */
export type CardReport = {
  state: HealthState | null;
  runs: readonly SyncRun[] | null;
  /** Said on the overview's lane instead of runs. */
  note: string | null;
  /** When its runs were last fetched: 0 not yet, null nothing to fetch (unavailable, failed). */
  updatedAt: number | null;
};

export function useIntegrationCard(
  integration: IntegrationInfo,
  opened: OpenedWindow,
  onReport?: (name: string, report: CardReport) => void,
) {
  // Every card's newest page first (up to 200 runs of its last day: its health), the rest of the
  // week once every card has had its own.
  const { base, live, runs } = useWindowRuns(integration.name, opened, 'overview');
  const { query, isComplete, progress, newestRead } = base;
  // Health moves on with time (a sync that stops running turns "Not running" by itself).
  const now = useClock(SLOW_TICK_MS);
  const unavailable = integrationUnavailable(query.error);
  // Judged on the newest page as soon as it is in, then again on the whole week when that is: not on
  // each part of the week between (a verdict flickering while older runs arrive tells nothing, and
  // each one is a pass over every run, while other cards may still wait for their first page).
  const [newestRuns, setNewestRuns] = useState<readonly SyncRun[] | null>(null);
  if (newestRead && !isComplete && newestRuns === null) setNewestRuns(runs);
  const judgedRuns = isComplete ? runs : newestRead ? (newestRuns ?? runs) : null;
  const judged = useMemo(
    () => (judgedRuns ? integrationHealth(judgedRuns, now) : null),
    [judgedRuns, now],
  );
  const summary = useMemo(() => summarizeRuns(runs), [runs]);
  const stalest = useMemo(() => stalestActivity(freshnessOf(runs)), [runs]);
  const health = unavailable
    ? { state: 'inactive' as const, reason: unavailable.title }
    : query.isError && !query.data
      ? { state: 'unknown' as const, reason: 'Runs could not be loaded.' }
      : judged;
  const healthState = health?.state ?? null;
  const note = unavailable
    ? unavailable.title
    : query.isError && !query.data
      ? 'Runs could not be loaded.'
      : null;
  const updatedAt = note
    ? null
    : isComplete
      ? Math.max(query.dataUpdatedAt, live.dataUpdatedAt)
      : 0;
  const shownRuns = query.data ? runs : null;
  useEffect(() => {
    onReport?.(integration.name, { state: healthState, runs: shownRuns, note, updatedAt });
  }, [healthState, shownRuns, note, updatedAt, integration.name, onReport]);
  return { query, isComplete, progress, runs, now, unavailable, health, summary, stalest };
}

export type IntegrationCardState = ReturnType<typeof useIntegrationCard>;
