// The window before its first page, and a window in which nothing ran.
import { ChartSkeleton, TableSkeleton } from '@/features/sync-runs/components/skeletons';

export function WindowLoading() {
  return (
    <div className="space-y-4" aria-busy="true">
      <p role="status" className="text-sm text-slate-700">
        Loading runs…
      </p>
      <ChartSkeleton />
      <TableSkeleton />
    </div>
  );
}

export function EmptyWindow({
  neverRan,
  onShowLast30Days,
}: {
  /** No run at all is known (not even before the window). */
  neverRan: boolean;
  /** Offered unless the window already is the last 30 days. */
  onShowLast30Days: (() => void) | null;
}) {
  return (
    <div className="rounded border border-slate-200 bg-white p-4 text-sm">
      <p>No runs started in this window.</p>
      {neverRan && (
        <p className="text-slate-700">
          Where is my record: with no runs here, nothing synced in this period.
        </p>
      )}
      {onShowLast30Days && (
        <button type="button" className="mt-2 text-blue-700 underline" onClick={onShowLast30Days}>
          Show the last 30 days instead
        </button>
      )}
    </div>
  );
}
