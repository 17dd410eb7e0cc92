// The Duration cell: a running run's duration moves on every second (its own clock, so only the
// visible running rows redraw); a finished run's is fixed.
import type { RunRow } from '@/domain/sync-runs/model/run-rows';
import { runDurationMs } from '@/domain/sync-runs/model/run-times';
import { formatDuration } from '@/lib/format/time';
import { SECOND_TICK_MS, useClock } from '@/lib/time/use-clock';

export function DurationCell({ row }: { row: RunRow }) {
  return row.run.finished_at || !row.run.started_at ? (
    formatDuration(row.durationMs)
  ) : (
    <RunningDuration row={row} />
  );
}

function RunningDuration({ row }: { row: RunRow }) {
  const now = useClock(SECOND_TICK_MS);
  return formatDuration(runDurationMs(row.run, now));
}
