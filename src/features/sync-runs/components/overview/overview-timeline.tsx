// One timeline of every integration: a lane each over the overview's days, runs counted into
// periods by status as on the integration page. A click (or Enter on the focused period) opens that
// integration at that period.
import { memo, useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { SyncRun } from '@/lib/api/schemas';
import type { IntegrationInfo } from '@/lib/integrations/catalog';
import { useTimeZone } from '@/lib/time/use-time-zone';
import { buildLane, CELL_PRIORITY, type LaneCell } from '@/domain/sync-runs/view/overview-lanes';
import { STATUS_FILL } from '@/features/sync-runs/components/status-style';
import { timeTicks } from '@/domain/sync-runs/view/timeline';
import type { RunWindowMs } from '@/domain/sync-runs/model/window';
import { useElementWidth } from '@/features/sync-runs/hooks/use-element-width';
import { StatusLegend } from '@/features/sync-runs/components/timeline/status-legend';
import { tickFormatter } from '@/features/sync-runs/components/timeline/time-axis';
import { countsText, laneSummary, periodLink } from './lane-text';

export type OverviewLaneInput = {
  integration: IntegrationInfo;
  /** null while the first page loads. */
  runs: readonly SyncRun[] | null;
  /** Said instead of a lane (not connected, could not be loaded). */
  note: string | null;
};

const LABEL_WIDTH = 140;
const LANE_HEIGHT = 22;
const CELL_PX = 6;
const MAX_CELLS = 168;

function LaneRow({
  input,
  window,
  cells,
  plotWidth,
  format,
}: {
  input: OverviewLaneInput;
  window: RunWindowMs;
  cells: number;
  plotWidth: number;
  format: Intl.DateTimeFormat;
}) {
  const navigate = useNavigate();
  const summaryId = useId();
  const [active, setActive] = useState<number | null>(null);
  const name = input.integration.displayName;
  const lane = useMemo(
    () => (input.runs ? buildLane(input.runs, window, cells) : null),
    [input.runs, window, cells],
  );
  const cellWidth = plotWidth / cells;
  const open = (cell: LaneCell) => void navigate(periodLink(input.integration.name, cell));
  const filled = lane ? lane.cells.flatMap((cell, i) => (cell.shown ? [i] : [])) : [];

  function onKeyDown(event: React.KeyboardEvent) {
    if (!lane || filled.length === 0) return;
    const position = active === null ? -1 : filled.indexOf(active);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = filled[Math.min(filled.length - 1, position + 1)];
    else if (event.key === 'ArrowLeft') next = filled[Math.max(0, position - 1)];
    else if (event.key === 'Home') next = filled[0];
    else if (event.key === 'End') next = filled.at(-1);
    else if ((event.key === 'Enter' || event.key === ' ') && active !== null) {
      event.preventDefault();
      open(lane.cells[active]!);
      return;
    } else if (event.key === 'Escape') setActive(null);
    if (next !== undefined) {
      event.preventDefault();
      setActive(next);
    }
  }

  const shownCell = lane && active !== null ? lane.cells[active] : undefined;
  return (
    <li className="flex items-center">
      <span className="shrink-0 truncate pr-2 text-xs" style={{ width: LABEL_WIDTH }}>
        {name}
      </span>
      {!lane || input.note ? (
        <span className="text-xs text-slate-600" style={{ height: LANE_HEIGHT }}>
          {input.note ?? 'Loading…'}
        </span>
      ) : (
        <>
          <span id={summaryId} className="sr-only">
            {laneSummary(name, lane, format)}
          </span>
          {/* One tab stop per lane; arrows move between periods, Enter opens one. */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
          <div
            role="application"
            aria-roledescription="timeline lane"
            aria-label={`${name}. Left and right arrows move between periods, Enter opens one.`}
            aria-describedby={summaryId}
            tabIndex={0}
            onKeyDown={onKeyDown}
            onBlur={() => setActive(null)}
            className="relative focus-visible:outline-2 focus-visible:outline-blue-600"
            style={{ width: plotWidth, height: LANE_HEIGHT }}
          >
            <svg width={plotWidth} height={LANE_HEIGHT} aria-hidden="true" className="block">
              <rect
                x={0}
                y={3}
                width={plotWidth}
                height={LANE_HEIGHT - 6}
                style={{ fill: 'var(--color-slate-100)' }}
              />
              {lane.cells.map((cell, i) =>
                cell.shown ? (
                  <rect
                    key={i}
                    data-status={cell.shown}
                    x={i * cellWidth}
                    y={3}
                    width={Math.max(1, cellWidth - 1)}
                    height={LANE_HEIGHT - 6}
                    style={{ fill: STATUS_FILL[cell.shown], cursor: 'pointer' }}
                    stroke={i === active ? 'var(--color-slate-900)' : undefined}
                    strokeWidth={i === active ? 2 : undefined}
                    onClick={() => open(cell)}
                    onMouseEnter={() => setActive(i)}
                    onMouseLeave={() => setActive(null)}
                  />
                ) : null,
              )}
            </svg>
            {shownCell && (
              <div
                role="tooltip"
                className="pointer-events-none absolute top-full z-20 mt-1 rounded bg-slate-900 px-2 py-1 text-xs whitespace-nowrap text-white shadow-lg"
                style={{ left: Math.min((active ?? 0) * cellWidth, Math.max(0, plotWidth - 240)) }}
              >
                {format.format(new Date(shownCell.start))} –{' '}
                {format.format(new Date(shownCell.end))}: {countsText(shownCell)}. Click or Enter
                opens this period.
              </div>
            )}
          </div>
        </>
      )}
    </li>
  );
}

export const OverviewTimeline = memo(function OverviewTimeline({
  lanes,
  window,
  days,
}: {
  lanes: readonly OverviewLaneInput[];
  window: RunWindowMs;
  days: number;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(containerRef);
  const timeZone = useTimeZone();
  const plotWidth = Math.max(120, width - LABEL_WIDTH - 8);
  const cells = Math.max(14, Math.min(MAX_CELLS, Math.floor(plotWidth / CELL_PX)));
  const format = useMemo(
    () =>
      new Intl.DateTimeFormat(undefined, {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
      }),
    [timeZone],
  );
  const axis = tickFormatter(window.until - window.since, timeZone);
  const ticks = timeTicks(window.since, window.until, Math.max(3, Math.floor(plotWidth / 90)));
  const span = Math.max(1, window.until - window.since);
  return (
    <section
      aria-labelledby="overview-timeline-heading"
      className="mt-4 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="overview-timeline-heading" className="font-semibold">
          Sync timeline, last {days} days
        </h2>
        {/* In the order a period picks its status. */}
        <StatusLegend statuses={CELL_PRIORITY} className="text-xs text-slate-700" />
      </div>
      <p className="mt-1 text-xs text-slate-700">
        Each period shows its worst status (a failure outweighs the rest). Click a period to open
        that integration at that time.
      </p>
      <div ref={containerRef} className="mt-2">
        <ul className="space-y-1">
          {lanes.map((input) => (
            <LaneRow
              key={input.integration.name}
              input={input}
              window={window}
              cells={cells}
              plotWidth={plotWidth}
              format={format}
            />
          ))}
        </ul>
        <div
          className="relative mt-1 h-4 text-xs text-slate-600"
          style={{ marginLeft: LABEL_WIDTH, width: plotWidth }}
          aria-hidden="true"
        >
          {ticks.map((t) => (
            <span
              key={t}
              className="absolute -translate-x-1/2 whitespace-nowrap"
              style={{ left: ((t - window.since) / span) * plotWidth }}
            >
              {axis(t)}
            </span>
          ))}
        </div>
      </div>
    </section>
  );
});
