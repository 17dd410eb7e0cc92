// Table rows derived from runs: every sortable value computed once, not per render of a cell.
import type { RunStatus, SyncRun } from '@/lib/api/schemas';
import { failureCount, syncedTotals } from './run-status';
import { runDurationMs, runFinishMs, runStartMs } from './run-times';

export type RunRow = {
  id: string;
  run: SyncRun;
  status: RunStatus;
  startedMs: number | null;
  finishedMs: number | null;
  durationMs: number | null;
  synced: number;
  total: number;
  failures: number;
  message: string;
};

export function toRunRows(runs: readonly SyncRun[], now: number): RunRow[] {
  return runs.map((run) => {
    const totals = syncedTotals(run);
    return {
      id: run.run_id,
      run,
      status: run.status,
      startedMs: runStartMs(run),
      finishedMs: runFinishMs(run),
      durationMs: runDurationMs(run, now),
      synced: totals.synced,
      total: totals.total,
      failures: failureCount(run),
      message: run.error ?? run.dashboard_message ?? '',
    };
  });
}
