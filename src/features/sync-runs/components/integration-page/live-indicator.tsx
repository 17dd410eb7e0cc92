// A quiet "live" indicator: when data was last refreshed, when the next check is, and whether
// refreshing is failing. It ticks every second; only changes of state are announced.
import { isApiError } from '@/lib/api/api-error';
import { SECOND_TICK_MS, useClock } from '@/lib/time/use-clock';
import { TimeText } from '@/components/time-text';

export type LiveIndicatorProps = {
  fetchedAt: number;
  /** How often the live query polls. */
  intervalMs: number;
  isFetching: boolean;
  error: unknown;
  running: boolean;
};

export function LiveIndicator({
  fetchedAt,
  intervalMs,
  isFetching,
  error,
  running,
}: LiveIndicatorProps) {
  const now = useClock(SECOND_TICK_MS);
  const fetchedIso = fetchedAt ? new Date(fetchedAt).toISOString() : null;
  const nextInSeconds = fetchedAt ? Math.ceil((fetchedAt + intervalMs - now) / 1000) : null;
  const paused = error
    ? `Live updates paused: ${isApiError(error) ? error.message : 'refresh failed'} Retrying.`
    : null;
  return (
    <p className="flex items-center gap-2 text-xs text-slate-700">
      <span
        className={`inline-block h-2 w-2 rounded-full ${error ? 'bg-amber-500' : 'bg-green-600'}`}
        aria-hidden="true"
      />
      {/* Announced when it changes; the ticking text beside it is not. */}
      <span role="status" className={paused ? '' : 'sr-only'}>
        {paused ?? (running ? 'Live: a run is in progress' : 'Live')}
      </span>
      {!paused && (
        <span>
          <span aria-hidden="true">Live · </span>updated{' '}
          {fetchedIso ? <TimeText iso={fetchedIso} show="relative" now={now} /> : 'not yet'}
          {' · '}
          {isFetching || nextInSeconds === null || nextInSeconds <= 0
            ? 'checking now…'
            : `next check in ${nextInSeconds} s`}
          {running ? ` (every ${Math.round(intervalMs / 1000)} s while a run is in progress)` : ''}
        </span>
      )}
    </p>
  );
}
