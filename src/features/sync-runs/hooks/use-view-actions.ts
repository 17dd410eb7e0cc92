// What the integration page's controls do to the view: each is a change of the URL.
import { useMemo } from 'react';
import type { RunSort, ViewWindow } from '@/domain/sync-runs/view/view-params';
import type { RunStatus } from '@/lib/api/schemas';
import type { ViewUpdate } from './use-view-params';
import { rememberPreset } from '@/features/sync-runs/prefs/view-defaults';

/** Changes that only refine the view replace the history entry; a new window is a new entry. */
const REFINE = { replace: true } as const;

export function useViewActions(update: ViewUpdate) {
  return useMemo(
    () => ({
      selectSignature: (sig: string | null) => update({ sig, anomaly: null }, REFINE),
      selectAnomaly: (anomaly: string | null) => update({ anomaly, sig: null }, REFINE),
      selectRun: (run: string | null) => update({ run }, REFINE),
      /** Opens a run with nothing hiding it. */
      showRun: (run: string) =>
        update({ run, statuses: [], q: '', sig: null, anomaly: null }, REFINE),
      /** Narrows the window to a span of the chart (a drag or a bucket). */
      selectRange: (from: number, to: number) =>
        update({
          window: {
            kind: 'custom',
            since: new Date(Math.floor(from)).toISOString(),
            until: new Date(Math.ceil(to)).toISOString(),
          },
        }),
      setWindow: (window: ViewWindow) => {
        // A chosen preset is the default next time; a pinned range never is.
        if (window.kind === 'preset') rememberPreset(window.preset);
        update({ window });
      },
      toggleStatus: (status: RunStatus) =>
        update(
          (current) => ({
            statuses: current.statuses.includes(status)
              ? current.statuses.filter((s) => s !== status)
              : [...current.statuses, status],
          }),
          REFINE,
        ),
      setQuery: (q: string) => update({ q }, REFINE),
      setSort: (sort: RunSort) => update({ sort }, REFINE),
      clearFilters: () => update({ statuses: [], q: '' }, REFINE),
    }),
    [update],
  );
}

export type ViewActions = ReturnType<typeof useViewActions>;
