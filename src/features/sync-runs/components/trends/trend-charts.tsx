// The trend charts (loaded lazily): per activity, items seen and synced per run; then run duration;
// periods the detectors found unusual shaded. Each chart's text alternative is its caption.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import type { Anomaly } from '@/domain/sync-runs/judgements/anomalies/anomaly';
import { timeTicks } from '@/domain/sync-runs/view/timeline';
import { buildTrends, type TrendMark } from '@/domain/sync-runs/judgements/trends';
import type { SyncRun } from '@/lib/api/schemas';
import { formatDuration } from '@/lib/format/time';
import { useTimeZone } from '@/lib/time/use-time-zone';
import { useElementWidth } from '@/features/sync-runs/hooks/use-element-width';
import { tickFormatter } from '@/features/sync-runs/components/timeline/time-axis';
import { activityTrendText, durationTrendText } from './trend-text';

export type TrendChartsProps = {
  runs: readonly SyncRun[];
  since: number;
  until: number;
  anomalies: readonly Anomaly[];
};

const CHART_HEIGHT = 96;
const Y_AXIS_WIDTH = 48;
/** A point every 6 px at most: denser runs are grouped into periods. */
const PX_PER_POINT = 6;
const SEEN = 'var(--status-running)';
const SYNCED = 'var(--status-success)';
const DURATION = 'var(--color-slate-700)';
const MARK = 'var(--color-amber-500)';

/** Axis labels stay one short word: "2m", "45s", "3h". */
function axisDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes}m` : `${Math.round(minutes / 60)}h`;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

type Series = {
  key: string;
  name: string;
  color: string;
  format: (n: number) => string;
  /** The y axis's labels; default: format. */
  axis?: (n: number) => string;
};

function TrendChart({
  title,
  caption,
  data,
  series,
  marks,
  since,
  until,
  width,
}: {
  title: string;
  caption: string;
  data: readonly object[];
  series: Series[];
  marks: readonly TrendMark[];
  since: number;
  until: number;
  width: number;
}) {
  const titleId = useId();
  const captionId = useId();
  const timeZone = useTimeZone();
  const format = tickFormatter(until - since, timeZone);
  const plotWidth = Math.max(160, width);
  return (
    <figure aria-labelledby={titleId} aria-describedby={captionId} className="min-w-0">
      <h3 id={titleId} className="text-sm font-medium">
        {title}
      </h3>
      <ul className="mt-1 flex flex-wrap gap-3 text-xs text-slate-700" aria-label="Legend">
        {series.map((s) => (
          <li key={s.key} className="inline-flex items-center gap-1">
            <span className="inline-block h-0.5 w-4" style={{ background: s.color }} aria-hidden />
            {s.name}
          </li>
        ))}
        {marks.length > 0 && (
          <li className="inline-flex items-center gap-1">
            <span
              className="inline-block h-3 w-3 rounded-sm"
              style={{ background: MARK, opacity: 0.35 }}
              aria-hidden
            />
            Unusual
          </li>
        )}
      </ul>
      <div aria-hidden="true">
        <LineChart
          width={plotWidth}
          height={CHART_HEIGHT}
          data={data as object[]}
          margin={{ top: 6, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[since, until]}
            ticks={timeTicks(since, until, Math.max(2, Math.floor(plotWidth / 110)))}
            allowDataOverflow
            tickFormatter={format}
            height={24}
            tick={{ fontSize: 11, fill: 'var(--color-slate-600)' }}
            stroke="var(--color-slate-400)"
          />
          <YAxis
            width={Y_AXIS_WIDTH}
            tickFormatter={series[0]!.axis ?? series[0]!.format}
            tick={{ fontSize: 11, fill: 'var(--color-slate-600)' }}
            stroke="var(--color-slate-400)"
            allowDecimals={false}
          />
          {marks.map((mark, i) => (
            <ReferenceArea
              key={i}
              x1={Math.max(since, mark.from)}
              x2={Math.min(until, Math.max(mark.to, mark.from + 1))}
              fill={MARK}
              fillOpacity={0.25}
              ifOverflow="hidden"
            />
          ))}
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
              type="linear"
            />
          ))}
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(value) => format(Number(value))}
            formatter={(value, name) => {
              const s = series.find((entry) => entry.name === name);
              return [s ? s.format(Number(value)) : String(value), name];
            }}
            contentStyle={{
              background: 'var(--color-slate-900)',
              color: 'var(--color-white)',
              fontSize: 12,
              border: 'none',
            }}
            itemStyle={{ color: 'var(--color-white)' }}
          />
        </LineChart>
      </div>
      <figcaption id={captionId} className="mt-1 text-xs text-slate-700">
        {caption}
      </figcaption>
    </figure>
  );
}

export default function TrendCharts({ runs, since, until, anomalies }: TrendChartsProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(containerRef);
  // Up to three charts side by side, each with its own axis.
  const columns = width >= 1080 ? 3 : width >= 640 ? 2 : 1;
  const chartWidth = Math.floor((width - (columns - 1) * 24) / columns);
  const maxPoints = Math.max(24, Math.floor((chartWidth - Y_AXIS_WIDTH) / PX_PER_POINT));
  const trends = useMemo(
    () => buildTrends(runs, { since, until }, anomalies, maxPoints),
    [runs, since, until, anomalies, maxPoints],
  );
  const count = (n: number) => compact.format(n);
  // One chart per task: drawing them all at once would be one long task that delays input.
  const total = trends.activities.length + (trends.duration ? 1 : 0);
  const [drawn, setDrawn] = useState(1);
  useEffect(() => {
    if (drawn >= total) return;
    const timer = setTimeout(() => setDrawn((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [drawn, total]);
  return (
    <div ref={containerRef}>
      {trends.activities.length === 0 && !trends.duration ? (
        <p className="text-sm text-slate-700">No finished runs in this window to draw trends of.</p>
      ) : (
        <>
          <p className="text-xs text-slate-700">
            {trends.bucketMs === null
              ? 'One point per finished run.'
              : `Each point is the median of the finished runs in a ${formatDuration(trends.bucketMs)} period.`}
          </p>
          <div
            className="mt-2 grid gap-x-6 gap-y-4"
            style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
          >
            {trends.activities.slice(0, drawn).map((trend) => (
              <TrendChart
                key={trend.activity}
                title={trend.activity}
                caption={activityTrendText(trend)}
                data={trend.points}
                series={[
                  { key: 'seen', name: 'Items seen', color: SEEN, format: count },
                  { key: 'synced', name: 'Items synced', color: SYNCED, format: count },
                ]}
                marks={trend.marks}
                since={since}
                until={until}
                width={chartWidth}
              />
            ))}
            {trends.duration && drawn >= total && (
              <TrendChart
                title="Run duration"
                caption={durationTrendText(trends.duration)}
                data={trends.duration.points}
                series={[
                  {
                    key: 'durationMs',
                    name: 'Duration',
                    color: DURATION,
                    format: formatDuration,
                    axis: axisDuration,
                  },
                ]}
                marks={trends.duration.marks}
                since={since}
                until={until}
                width={chartWidth}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}
