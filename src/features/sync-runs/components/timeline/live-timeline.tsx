// The timeline as the page places it: loaded lazily, failing alone, and drawn up to now while the
// window includes now. It keeps its own clock (every second while a run is running, so the running
// bar grows), so the rest of the page does not redraw with it.
import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import { ChartSkeleton } from '@/features/sync-runs/components/skeletons';
import { hasRunning } from '@/domain/sync-runs/fetching/live';
import { SECOND_TICK_MS, SLOW_TICK_MS, useClock } from '@/lib/time/use-clock';
import type { RunTimelineProps } from './run-timeline';

const RunTimeline = lazy(() => import('./run-timeline'));

export type LiveTimelineProps = Omit<RunTimelineProps, 'now'> & {
  /** The window ends now or later: draw up to the present as it moves on. */
  includesNow: boolean;
};

export function LiveTimeline({ includesNow, until, ...props }: LiveTimelineProps) {
  const now = useClock(hasRunning(props.runs) ? SECOND_TICK_MS : SLOW_TICK_MS);
  return (
    <ErrorBoundary label="The run timeline">
      <Suspense fallback={<ChartSkeleton />}>
        <RunTimeline {...props} until={includesNow ? Math.max(until, now) : until} now={now} />
      </Suspense>
    </ErrorBoundary>
  );
}
