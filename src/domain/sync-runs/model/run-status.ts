// Each run status in words and, for people who cannot rely on colour, a symbol. Its colour is the
// feature's (features/sync-runs/components/status-style.ts): styling never enters the domain.
import type { RunStatus } from '@/lib/api/schemas';

export const STATUS_PRESENTATION: Record<RunStatus, { label: string; symbol: string }> = {
  SUCCESS: { label: 'Success', symbol: '✓' },
  FAILURE: { label: 'Failure', symbol: '✕' },
  RUNNING: { label: 'Running', symbol: '▶' },
  SKIPPED: { label: 'Skipped', symbol: '–' },
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
