// What hovering (or focusing) a mark tells: times, duration, counts, the first failure.
import type { SyncRun } from '@/lib/api/schemas';
import { durationMs, formatDateTime, formatDuration, formatRelative } from '@/lib/format/time';
import type { BucketMark, RunMark } from '@/domain/sync-runs/view/timeline';
import {
  STATUS_PRESENTATION,
  failureCount,
  syncedTotals,
} from '@/domain/sync-runs/model/run-status';
import { pluralWord } from '@/lib/format/plural';

function firstFailure(run: SyncRun) {
  for (const activity of run.activities) {
    const failure = activity.failures[0];
    if (failure) return { activity: activity.activity_label, failure };
  }
  return null;
}

export function TimelineTooltip({
  mark,
  now,
  timeZone,
}: {
  mark: RunMark | BucketMark;
  now: number;
  timeZone?: string;
}) {
  const status = STATUS_PRESENTATION[mark.status];
  if (mark.kind === 'bucket') {
    return (
      <div className="space-y-0.5">
        <p className="font-semibold">
          {mark.count} {status.label.toLowerCase()} {pluralWord(mark.count, 'run')}
        </p>
        <p>
          {formatDateTime(new Date(mark.start).toISOString(), timeZone)} –{' '}
          {formatDateTime(new Date(mark.end).toISOString(), timeZone)}
        </p>
        <p className="text-slate-300">Click to zoom into this period.</p>
      </div>
    );
  }
  const { run } = mark;
  const totals = syncedTotals(run);
  const failure = firstFailure(run);
  return (
    <div className="max-w-xs space-y-0.5">
      <p className="font-semibold">
        <span aria-hidden="true">{status.symbol} </span>
        {status.label}
      </p>
      <p>
        Started {formatDateTime(run.started_at, timeZone)}
        {run.started_at && ` (${formatRelative(run.started_at, now)})`}
      </p>
      <p>
        {run.finished_at ? `Finished ${formatDateTime(run.finished_at, timeZone)}` : 'Not finished'}
      </p>
      <p>Duration {formatDuration(durationMs(run.started_at, run.finished_at, now))}</p>
      <p>
        Synced {totals.synced.toLocaleString()} of {totals.total.toLocaleString()} ·{' '}
        {failureCount(run)} failures
      </p>
      {failure && (
        <p className="break-words text-red-200">
          {failure.activity}: {failure.failure.resource_label}
          {failure.failure.parent_label ? ` (${failure.failure.parent_label})` : ''} –{' '}
          {failure.failure.reason}
        </p>
      )}
      {!failure && (run.error || run.dashboard_message) && (
        <p className="break-words">{run.error ?? run.dashboard_message}</p>
      )}
    </div>
  );
}
