// "Trends": the charts of what each activity saw and synced and how long runs took, loaded lazily
// (recharts is not on the first screen) and drawn once every run of the window has loaded.
import { lazy, memo, Suspense, useDeferredValue } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import type { Anomaly } from '@/domain/sync-runs/judgements/anomalies/anomaly';
import { ChartSkeleton } from '@/features/sync-runs/components/skeletons';
import type { TrendChartsProps } from './trend-charts';

const TrendCharts = lazy(() => import('./trend-charts'));

export type TrendsSectionProps = Omit<TrendChartsProps, 'anomalies'> & {
  /** null until every run of the window has loaded. */
  anomalies: readonly Anomaly[] | null;
};

/** Memoised: filtering, searching or selecting on the page does not redraw the charts. */
export const TrendsSection = memo(function TrendsSection({
  anomalies: current,
  ...props
}: TrendsSectionProps) {
  // Drawn after the rest of the page: the charts never hold up the timeline and the table.
  const anomalies = useDeferredValue(current, null);
  return (
    <section
      aria-labelledby="trends-heading"
      className="rounded-lg border border-slate-200 bg-white p-3"
    >
      <h2 id="trends-heading" className="font-semibold">
        Trends
      </h2>
      <div className="mt-1">
        {anomalies === null ? (
          <p className="text-sm text-slate-700">
            Trends are drawn once every run of the window has loaded…
          </p>
        ) : (
          <ErrorBoundary label="The trend charts">
            <Suspense fallback={<ChartSkeleton />}>
              <TrendCharts {...props} anomalies={anomalies} />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
    </section>
  );
});
