// The timeline chart (loaded lazily): runs over the window by status lane, a "now" marker, tooltips,
// click to select a run (or zoom into a bucket), drag to narrow the window, arrow keys to move.
import { useMemo, useRef, useState } from 'react';
import { ComposedChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { SyncRun } from '@/lib/api/schemas';
import { useElementWidth } from '@/features/sync-runs/hooks/use-element-width';
import { useTimeZone } from '@/lib/time/use-time-zone';
import { STATUS_PRESENTATION } from '@/domain/sync-runs/model/run-status';
import type { MissedRun } from '@/domain/sync-runs/judgements/cadence';
import { buildTimeline, LANES, timeTicks } from '@/domain/sync-runs/view/timeline';
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

const LANE_HEIGHT = 26;
const AXIS_HEIGHT = 30;
const LABEL_WIDTH = 84;

export default function RunTimeline(props: RunTimelineProps) {
  const {
    runs,
    since,
    until,
    now,
    selectedRunId,
    summaryId,
    onSelectRun,
    onSelectRange,
    missed,
    highlightedRunIds,
  } = props;
  const timeZone = useTimeZone();
  const containerRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(containerRef);
  const plotWidth = Math.max(100, width - LABEL_WIDTH - 16);
  const timeline = useMemo(
    () => buildTimeline(runs, { since, until }, plotWidth, now, highlightedRunIds),
    [runs, since, until, plotWidth, now, highlightedRunIds],
  );
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const [keyboardIndex, setKeyboardIndex] = useState<number | null>(null);
  const height = LANES.length * LANE_HEIGHT + AXIS_HEIGHT + 8;
  const data = useMemo(() => [{ t: since }, { t: until }], [since, until]);

  function activate(index: number) {
    const mark = timeline.marks[index];
    if (!mark) return;
    if (mark.kind === 'run') onSelectRun(mark.run.run_id);
    else onSelectRange(mark.start, mark.end);
  }

  function onKeyDown(event: React.KeyboardEvent) {
    const count = timeline.marks.length;
    if (count === 0) return;
    const order = timeline.marks
      .map((m, i) => [m.start, i] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, i]) => i);
    const position = keyboardIndex === null ? -1 : order.indexOf(keyboardIndex);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = order[Math.min(count - 1, position + 1)] ?? null;
    else if (event.key === 'ArrowLeft') next = order[Math.max(0, position - 1)] ?? null;
    else if (event.key === 'Home') next = order[0] ?? null;
    else if (event.key === 'End') next = order[count - 1] ?? null;
    else if ((event.key === 'Enter' || event.key === ' ') && keyboardIndex !== null) {
      event.preventDefault();
      activate(keyboardIndex);
      return;
    } else if (event.key === 'Escape') {
      setKeyboardIndex(null);
      return;
    }
    if (next !== null) {
      event.preventDefault();
      setKeyboardIndex(next);
    }
  }

  const shown = hover?.index ?? keyboardIndex;
  const shownMark = shown !== null && shown !== undefined ? timeline.marks[shown] : undefined;
  const tooltipLeft = hover ? hover.x + 12 : LABEL_WIDTH;
  const tooltipTop = hover ? hover.y + 12 : height;

  function onHover(index: number | null, clientX: number, clientY: number) {
    const box = containerRef.current?.getBoundingClientRect();
    setHover(
      index === null || !box ? null : { index, x: clientX - box.left, y: clientY - box.top },
    );
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-2">
      <div className="flex flex-wrap items-center justify-between gap-2 px-1 pb-1 text-xs text-slate-700">
        <StatusLegend statuses={LANES}>
          {missed.length > 0 && (
            <li className="inline-flex items-center gap-1">
              <span
                className="inline-block h-3 w-3 rounded-sm border border-dashed border-amber-700"
                aria-hidden="true"
              />
              Missed run ({missed.length})
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
      {/* A composite widget: one tab stop, arrow keys move between marks (the table is the full alternative). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={containerRef}
        role="application"
        aria-roledescription="timeline chart"
        aria-label="Run timeline. Left and right arrows move between runs, Enter selects."
        aria-describedby={summaryId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onBlur={() => setKeyboardIndex(null)}
        className="relative flex focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <div
          className="shrink-0 text-xs text-slate-700"
          style={{ width: LABEL_WIDTH, paddingTop: 4 }}
          aria-hidden="true"
        >
          {LANES.map((status) => (
            <div
              key={status}
              style={{ height: LANE_HEIGHT }}
              className="flex items-center gap-1 pr-2"
            >
              <span>{STATUS_PRESENTATION[status].symbol}</span>
              {STATUS_PRESENTATION[status].label}
            </div>
          ))}
        </div>
        <ComposedChart
          width={plotWidth}
          height={height}
          data={data}
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
            activeIndex={keyboardIndex}
            selectedRunId={selectedRunId}
            onHover={onHover}
            onActivate={activate}
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
        {shownMark && (
          <div
            role="tooltip"
            className="pointer-events-none absolute z-20 rounded bg-slate-900 px-3 py-2 text-xs text-white shadow-lg"
            style={{ left: Math.min(tooltipLeft, width - 260), top: tooltipTop }}
          >
            <TimelineTooltip mark={shownMark} now={now} timeZone={timeZone} />
          </div>
        )}
      </div>
    </div>
  );
}
