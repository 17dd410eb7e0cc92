// A compact strip of the most recent runs' statuses, oldest to newest, with a text equivalent.
import type { SyncRun } from '@/lib/api/schemas';
import { timeTitle } from '@/lib/format/time';
import { useClock } from '@/lib/time/use-clock';
import { countByStatus } from '@/domain/sync-runs/model/filter-runs';
import { STATUS_PRESENTATION } from '@/domain/sync-runs/model/run-status';
import { STATUS_FILL } from '@/features/sync-runs/components/status-style';

export function RecentStrip({ runs, size = 30 }: { runs: readonly SyncRun[]; size?: number }) {
  const now = useClock();
  const recent = runs.slice(0, size).reverse();
  if (recent.length === 0) return null;
  const counts = countByStatus(recent);
  const description = (Object.keys(counts) as (keyof typeof counts)[])
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${STATUS_PRESENTATION[s].label.toLowerCase()}`)
    .join(', ');
  return (
    <div
      role="img"
      aria-label={`Last ${recent.length} runs, oldest to newest: ${description}`}
      className="flex h-5 max-w-full items-end gap-px"
    >
      {recent.map((run) => (
        <span
          key={run.run_id}
          title={`${STATUS_PRESENTATION[run.status].label} · ${run.started_at ? timeTitle(run.started_at, now) : 'no start time'}`}
          className="max-w-1.5 min-w-px flex-1 basis-1.5 rounded-sm"
          style={{
            background: STATUS_FILL[run.status],
            height: run.status === 'FAILURE' ? '100%' : run.status === 'SUCCESS' ? '60%' : '80%',
          }}
        />
      ))}
    </div>
  );
}
