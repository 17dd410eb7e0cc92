// The timeline chart (loaded lazily): runs over the window by status lane, a "now" marker, tooltips,
// click to select a run (or zoom into a bucket), drag to narrow the window, arrow keys to move.
import { useRef } from 'react';
import { ComposedChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { SyncRun } from '@/lib/api/schemas';
import { useTimeZone } from '@/lib/time/use-time-zone';
import { STATUS_PRESENTATION } from '@/domain/sync-runs/model/run-status';
import type { MissedRun } from '@/domain/sync-runs/judgements/cadence';
import { LANES, timeTicks, type Timeline } from '@/domain/sync-runs/view/timeline';
import {
  AXIS_HEIGHT,
  LABEL_WIDTH,
  LANE_HEIGHT,
  useRunTimeline,
} from '@/features/sync-runs/hooks/use-run-timeline';
import { formatDuration } from '@/lib/format/time';
import { tickFormatter } from './time-axis';
import { StatusLegend } from './status-legend';
import { TimelineMarks } from './timeline-marks';
import { TimelineTooltip } from './timeline-tooltip';

export type RunTimelineProps = {
  runs: readonly SyncRun[];
  since: number;
  until: number;
  now: number;
  selectedRunId: string | null;
  summaryId: string;
  onSelectRun: (runId: string) => void;
  onSelectRange: (since: number, until: number) => void;
  /** Expected starts with no run (from the learned cadence): drawn hollow. */
  missed: readonly MissedRun[];
  /** Runs to emphasise (a selected failure signature); null = all. */
  highlightedRunIds: ReadonlySet<string> | null;
};

/** The legend (with missed runs when there are any) and how to read the chart. */
function TimelineCaption({ timeline, missed }: { timeline: Timeline; missed: number }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 px-1 pb-1 text-xs text-slate-700">
      <StatusLegend statuses={LANES}>
        {missed > 0 && (
          <li className="inline-flex items-center gap-1">
            <span
              className="inline-block h-3 w-3 rounded-sm border border-dashed border-amber-700"
              aria-hidden="true"
            />
            Missed run ({missed})
          </li>
        )}
      </StatusLegend>
      <p>
        {timeline.mode === 'buckets'
          ? `Runs grouped into ${formatDuration(timeline.bucketMs)} periods; drag or click a period to zoom in.`
          : 'Each bar is one run, from start to finish. Drag to zoom.'}
        {timeline.unplaced > 0 &&
          ` ${timeline.unplaced} runs without a start time are only in the table.`}
      </p>
    </div>
  );
}

/** The status of each lane, beside the chart (the table and the legend say it to screen readers). */
function LaneLabels() {
  return (
    <div
      className="shrink-0 text-xs text-slate-700"
      style={{ width: LABEL_WIDTH, paddingTop: 4 }}
      aria-hidden="true"
    >
      {LANES.map((status) => (
        <div key={status} style={{ height: LANE_HEIGHT }} className="flex items-center gap-1 pr-2">
          <span>{STATUS_PRESENTATION[status].symbol}</span>
          {STATUS_PRESENTATION[status].label}
        </div>
      ))}
    </div>
  );
}

export default function RunTimeline(props: RunTimelineProps) {
  const { since, until, now, selectedRunId, summaryId, onSelectRange, missed } = props;
  const timeZone = useTimeZone();
  const containerRef = useRef<HTMLDivElement>(null);
  const view = useRunTimeline(props, containerRef);
  const { timeline, plotWidth } = view;

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-2">
      <TimelineCaption timeline={timeline} missed={missed.length} />
      {/* A composite widget: one tab stop, arrow keys move between marks (the table is the full alternative). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={containerRef}
        role="application"
        aria-roledescription="timeline chart"
        aria-label="Run timeline. Left and right arrows move between runs, Enter selects."
        aria-describedby={summaryId}
        tabIndex={0}
        onKeyDown={view.onKeyDown}
        onBlur={view.onBlur}
        className="relative flex focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <LaneLabels />
        <ComposedChart
          width={plotWidth}
          height={view.height}
          data={view.data}
          margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
        >
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[since, until]}
            ticks={timeTicks(since, until, Math.max(3, Math.floor(plotWidth / 110)))}
            allowDataOverflow
            tickFormatter={tickFormatter(until - since, timeZone)}
            height={AXIS_HEIGHT}
            tick={{ fontSize: 11, fill: 'var(--color-slate-600)' }}
            stroke="var(--color-slate-400)"
          />
          <YAxis type="number" domain={[0, LANES.length]} hide />
          <TimelineMarks
            marks={timeline.marks}
            activeIndex={view.keyboardIndex}
            selectedRunId={selectedRunId}
            onHover={view.onHover}
            onActivate={view.activate}
            onSelectRange={onSelectRange}
            missed={missed}
          />
          {now >= since && now <= until && (
            <ReferenceLine
              x={now}
              stroke="var(--color-slate-900)"
              strokeDasharray="4 3"
              label={{
                value: 'now',
                position: 'insideTopRight',
                fontSize: 11,
                fill: 'var(--color-slate-900)',
              }}
            />
          )}
        </ComposedChart>
        {view.shownMark && (
          <div
            role="tooltip"
            className="pointer-events-none absolute z-20 rounded bg-slate-900 px-3 py-2 text-xs text-white shadow-lg"
            style={view.tooltip}
          >
            <TimelineTooltip mark={view.shownMark} now={now} timeZone={timeZone} />
          </div>
        )}
      </div>
    </div>
  );
}
