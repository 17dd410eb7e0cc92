// What the integration page's controls do to the view: each is a change of the URL.
import { useCallback, useMemo } from 'react';
import type { RunStatus } from '@/lib/api/schemas';
import type { RunSort, ViewWindow } from '@/domain/sync-runs/view-params';
import type { ViewUpdate } from './use-view-params';

export function useViewActions(update: ViewUpdate) {
  const selectSignature = useCallback(
    (sig: string | null) => update({ sig }, { replace: true }),
    [update],
  );
  const selectRun = useCallback(
    (run: string | null) => update({ run }, { replace: true }),
    [update],
  );
  /** Opens a run with nothing hiding it. */
  const showRun = useCallback(
    (run: string) => update({ run, statuses: [], q: '', sig: null }, { replace: true }),
    [update],
  );
  const selectRange = useCallback(
    (from: number, to: number) =>
      update({
        window: {
          kind: 'custom',
          since: new Date(Math.floor(from)).toISOString(),
          until: new Date(Math.ceil(to)).toISOString(),
        },
      }),
    [update],
  );
  const setWindow = useCallback((window: ViewWindow) => update({ window }), [update]);
  const toggleStatus = useCallback(
    (status: RunStatus) =>
      update(
        (current) => ({
          statuses: current.statuses.includes(status)
            ? current.statuses.filter((s) => s !== status)
            : [...current.statuses, status],
        }),
        { replace: true },
      ),
    [update],
  );
  const setQuery = useCallback((q: string) => update({ q }, { replace: true }), [update]);
  const setSort = useCallback((sort: RunSort) => update({ sort }, { replace: true }), [update]);
  const clearFilters = useCallback(
    () => update({ statuses: [], q: '' }, { replace: true }),
    [update],
  );
  return useMemo(
    () => ({
      selectSignature,
      selectRun,
      showRun,
      selectRange,
      setWindow,
      toggleStatus,
      setQuery,
      setSort,
      clearFilters,
    }),
    [
      selectSignature,
      selectRun,
      showRun,
      selectRange,
      setWindow,
      toggleStatus,
      setQuery,
      setSort,
      clearFilters,
    ],
  );
}

export type ViewActions = ReturnType<typeof useViewActions>;
