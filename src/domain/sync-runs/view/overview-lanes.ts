// The overview's timeline: one lane per integration, its runs counted into equal periods of the
// window by status, each period shown in its most telling status (a failure outweighs the rest).
import type { RunStatus, SyncRun } from '@/lib/api/schemas';
import { runStartMs } from '@/domain/sync-runs/model/run-times';
import type { RunWindowMs } from '@/domain/sync-runs/model/window';

/** Which status a period with several shows: the first one present in this order. */
export const CELL_PRIORITY: readonly RunStatus[] = ['FAILURE', 'RUNNING', 'SUCCESS', 'SKIPPED'];

export type LaneCell = {
  start: number;
  end: number;
  counts: Record<RunStatus, number>;
  /** The status the period is drawn in; null for a period without runs. */
  shown: RunStatus | null;
};

export type Lane = {
  cells: LaneCell[];
  cellMs: number;
  runs: number;
  failed: number;
  /** Runs without a start time cannot be placed; the integration page lists them. */
  unplaced: number;
  /** Start of the newest period with a failure, or null. */
  lastFailure: number | null;
};

const emptyCounts = (): Record<RunStatus, number> => ({
  SUCCESS: 0,
  FAILURE: 0,
  RUNNING: 0,
  SKIPPED: 0,
});

export function buildLane(runs: readonly SyncRun[], window: RunWindowMs, cellCount: number): Lane {
  const count = Math.max(1, Math.floor(cellCount));
  const cellMs = Math.ceil(Math.max(1, window.until - window.since) / count);
  const cells: LaneCell[] = Array.from({ length: count }, (_, i) => ({
    start: window.since + i * cellMs,
    end: Math.min(window.until, window.since + (i + 1) * cellMs),
    counts: emptyCounts(),
    shown: null,
  }));
  let placed = 0;
  let unplaced = 0;
  let failed = 0;
  for (const run of runs) {
    const start = runStartMs(run);
    if (start === null) {
      unplaced += 1;
      continue;
    }
    if (start < window.since || start >= window.until) continue;
    const cell = cells[Math.min(count - 1, Math.floor((start - window.since) / cellMs))]!;
    cell.counts[run.status] += 1;
    placed += 1;
    if (run.status === 'FAILURE') failed += 1;
  }
  let lastFailure: number | null = null;
  for (const cell of cells) {
    cell.shown = CELL_PRIORITY.find((status) => cell.counts[status] > 0) ?? null;
    if (cell.counts.FAILURE > 0) lastFailure = cell.start;
  }
  return { cells, cellMs, runs: placed, failed, unplaced, lastFailure };
}
