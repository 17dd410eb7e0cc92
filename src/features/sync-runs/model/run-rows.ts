// Table rows derived from runs: every sortable value computed once, not per render of a cell.
import type { RunStatus, SyncRun } from '../../../lib/api/schemas';
import { durationMs } from '../../../lib/format/time';
import { failureCount, syncedTotals } from './run-status';

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

function ms(iso: string | null): number | null {
  if (!iso) return null;
  const value = Date.parse(iso);
  return Number.isNaN(value) ? null : value;
}

export function toRunRows(runs: readonly SyncRun[], now: number): RunRow[] {
  return runs.map((run) => {
    const totals = syncedTotals(run);
    return {
      id: run.run_id,
      run,
      status: run.status,
      startedMs: ms(run.started_at),
      finishedMs: ms(run.finished_at),
      durationMs: durationMs(run.started_at, run.finished_at, now),
      synced: totals.synced,
      total: totals.total,
      failures: failureCount(run),
      message: run.error ?? run.dashboard_message ?? '',
    };
  });
}
