// How each run status is presented: a colour and, for people who cannot rely on colour, a symbol.
import type { RunStatus } from '@/lib/api/schemas';

export const STATUS_PRESENTATION: Record<
  RunStatus,
  { label: string; symbol: string; badgeClass: string }
> = {
  SUCCESS: {
    label: 'Success',
    symbol: '✓',
    badgeClass: 'bg-green-100 text-green-900 ring-green-700/30',
  },
  FAILURE: { label: 'Failure', symbol: '✕', badgeClass: 'bg-red-100 text-red-900 ring-red-700/30' },
  RUNNING: {
    label: 'Running',
    symbol: '▶',
    badgeClass: 'bg-blue-100 text-blue-900 ring-blue-700/30',
  },
  SKIPPED: {
    label: 'Skipped',
    symbol: '–',
    badgeClass: 'bg-slate-100 text-slate-800 ring-slate-600/30',
  },
};

/** Chart and strip colours (the badges' hues; per theme in index.css, 3:1 or more on the surface). */
export const STATUS_FILL: Record<RunStatus, string> = {
  SUCCESS: 'var(--status-success)',
  FAILURE: 'var(--status-failure)',
  RUNNING: 'var(--status-running)',
  SKIPPED: 'var(--status-skipped)',
};

export function failureCount(run: { activities: { failures: unknown[] }[] }): number {
  return run.activities.reduce((sum, activity) => sum + activity.failures.length, 0);
}

export function syncedTotals(run: { activities: { synced_count: number; total_count: number }[] }) {
  return run.activities.reduce(
    (acc, a) => ({ synced: acc.synced + a.synced_count, total: acc.total + a.total_count }),
    { synced: 0, total: 0 },
  );
}
