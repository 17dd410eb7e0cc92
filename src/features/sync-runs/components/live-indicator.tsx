// A quiet "live" indicator: when data was last refreshed, and whether a refresh is failing.
import { isApiError } from '../../../lib/api/api-error';
import { formatRelative, timeTitle } from '../../../lib/format/time';
import { useTimeZone } from '../hooks/use-time-zone';

export function LiveIndicator({
  fetchedAt,
  isFetching,
  error,
  now,
  running,
}: {
  fetchedAt: number;
  isFetching: boolean;
  error: unknown;
  now: number;
  running: boolean;
}) {
  const timeZone = useTimeZone();
  const fetchedIso = fetchedAt ? new Date(fetchedAt).toISOString() : null;
  return (
    <p className="flex items-center gap-2 text-xs text-slate-700" aria-live="polite">
      <span
        className={`inline-block h-2 w-2 rounded-full ${error ? 'bg-amber-500' : 'bg-green-600'}`}
        aria-hidden="true"
      />
      {error ? (
        `Live updates paused: ${isApiError(error) ? error.message : 'refresh failed'} Retrying.`
      ) : (
        <span>
          Live · updated{' '}
          {fetchedIso ? (
            <time dateTime={fetchedIso} title={timeTitle(fetchedIso, now, timeZone)}>
              {formatRelative(fetchedIso, now)}
            </time>
          ) : (
            'not yet'
          )}
          {running ? ' · a run is in progress, refreshing every 15 s' : ''}
        </span>
      )}
      {isFetching && <span className="text-slate-500">(refreshing…)</span>}
    </p>
  );
}
