// The chart's text alternative: counts by status and the latest run, readable without the chart.
import type { RunStatus, SyncRun } from '@/lib/api/schemas';
import { STATUS_PRESENTATION } from '@/domain/sync-runs/model/run-status';
import { TimeText } from '@/components/time-text';

const count = new Intl.NumberFormat();

export function TimelineSummary({
  id,
  counts,
  latest,
  total,
}: {
  id: string;
  counts: Record<RunStatus, number>;
  latest: SyncRun | null;
  total: number;
}) {
  const parts = (Object.keys(counts) as RunStatus[])
    .filter((status) => counts[status] > 0)
    .map(
      (status) =>
        `${count.format(counts[status])} ${STATUS_PRESENTATION[status].label.toLowerCase()}`,
    );
  return (
    <p id={id} className="text-sm text-slate-700">
      {total === 0
        ? 'No runs in this window.'
        : `${count.format(total)} runs: ${parts.join(', ')}.`}
      {latest && (
        <>
          {' '}
          Latest run: {STATUS_PRESENTATION[latest.status].label.toLowerCase()}, started{' '}
          <TimeText iso={latest.started_at} show="both" />.
        </>
      )}
    </p>
  );
}
