// How fresh the overview is: the oldest of its cards' last updates (every card is at least that
// fresh), moving on as they refresh themselves.
import { TimeText } from '@/components/time-text';
import { LIVE_POLL_MS } from '@/domain/sync-runs/fetching/live';
import { useClock } from '@/lib/time/use-clock';

/** Per card: when its runs were last fetched; 0 not yet; null nothing to fetch. */
export function OverviewFreshness({ updates }: { updates: readonly (number | null)[] }) {
  const known = updates.filter((u): u is number => u !== null);
  const loading = known.some((u) => u === 0);
  const oldest = known.length > 0 && !loading ? Math.min(...known) : null;
  // The shared clock ticks every few seconds: an update that just landed is "now", not "in 1 s".
  const now = useClock();
  return (
    <p className="flex items-center gap-2 text-xs text-slate-700">
      <span
        className={`inline-block h-2 w-2 rounded-full ${oldest === null ? 'bg-slate-400' : 'bg-green-600'}`}
        aria-hidden="true"
      />
      {oldest === null ? (
        <span role="status">{known.length === 0 ? 'Live updates off' : 'Loading runs…'}</span>
      ) : (
        <span>
          <span role="status" className="sr-only">
            Live
          </span>
          <span aria-hidden="true">Live · </span>Updated{' '}
          <TimeText iso={new Date(Math.min(oldest, now)).toISOString()} show="relative" /> · checked
          every {Math.round(LIVE_POLL_MS / 1000)} s
        </span>
      )}
    </p>
  );
}
