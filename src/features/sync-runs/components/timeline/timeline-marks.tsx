// The run marks, drawn inside the recharts plot area with its time scale; drag on the background
// to choose a time range.
import { useRef, useState } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale } from 'recharts';
import { STATUS_FILL } from '@/features/sync-runs/components/status-style';
import type { MissedRun } from '@/domain/sync-runs/judgements/cadence';
import { LANES, type BucketMark, type RunMark } from '@/domain/sync-runs/view/timeline';

const MIN_MARK_PX = 3;

export type TimelineMarksProps = {
  marks: (RunMark | BucketMark)[];
  activeIndex: number | null;
  selectedRunId: string | null;
  onHover: (index: number | null, x: number, y: number) => void;
  onActivate: (index: number) => void;
  onSelectRange: (since: number, until: number) => void;
  missed: readonly MissedRun[];
};

type PlotArea = { x: number; y: number; width: number; height: number };
type Drag = { from: number; to: number };

/**
 * Dragging on the chart's background: the span dragged so far (in pixels) and, once it is at least
 * 6 px wide when let go, the time range it covers.
 */
function useDragRange(
  area: PlotArea | undefined,
  inverse: ((px: number) => unknown) | undefined,
  onSelectRange: (since: number, until: number) => void,
) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);

  function localX(event: React.PointerEvent<SVGElement>): number {
    const svg = (event.currentTarget as SVGElement).ownerSVGElement;
    const box = svg?.getBoundingClientRect();
    const px = event.clientX - (box?.left ?? 0);
    return Math.min(area!.x + area!.width, Math.max(area!.x, px));
  }

  const handlers = {
    onPointerDown(event: React.PointerEvent<SVGRectElement>) {
      event.currentTarget.setPointerCapture(event.pointerId);
      const px = localX(event);
      dragRef.current = { from: px, to: px };
      setDrag(dragRef.current);
    },
    onPointerMove(event: React.PointerEvent<SVGRectElement>) {
      if (!dragRef.current) return;
      dragRef.current = { ...dragRef.current, to: localX(event) };
      setDrag(dragRef.current);
    },
    onPointerUp() {
      const d = dragRef.current;
      dragRef.current = null;
      setDrag(null);
      if (d && inverse && Math.abs(d.to - d.from) >= 6) {
        const a = Number(inverse(Math.min(d.from, d.to)));
        const b = Number(inverse(Math.max(d.from, d.to)));
        if (Number.isFinite(a) && Number.isFinite(b)) onSelectRange(a, b);
      }
    },
  };
  return { drag, handlers };
}

type MarkProps = {
  mark: RunMark | BucketMark;
  index: number;
  area: PlotArea;
  laneHeight: number;
  x: (t: number) => number;
  selectedRunId: string | null;
  active: boolean;
} & Pick<TimelineMarksProps, 'onHover' | 'onActivate'>;

/** One run, or one bucket of runs, in its status's lane; faint when outside the highlight. */
function TimelineMark({
  mark,
  index,
  area,
  laneHeight,
  x,
  selectedRunId,
  active,
  ...on
}: MarkProps) {
  const lane = LANES.indexOf(mark.status);
  const left = x(mark.start);
  const width = Math.max(MIN_MARK_PX, x(mark.end) - left);
  if (!Number.isFinite(left) || !Number.isFinite(width)) return null;
  const isSelected =
    mark.kind === 'run' ? mark.run.run_id === selectedRunId : mark.newest.run_id === selectedRunId;
  const lit = mark.kind === 'run' ? mark.highlighted : mark.highlighted > 0;
  const density = mark.kind === 'bucket' ? Math.min(1, 0.45 + Math.log10(mark.count + 1) / 2) : 1;
  const opacity = lit ? density : 0.18;
  return (
    <rect
      data-testid="timeline-mark"
      data-status={mark.status}
      x={left}
      y={area.y + lane * laneHeight + laneHeight * 0.2}
      width={Math.min(width, area.x + area.width - left)}
      height={laneHeight * 0.6}
      rx={1}
      fillOpacity={opacity}
      strokeWidth={isSelected ? 2.5 : 1.5}
      style={{
        cursor: 'pointer',
        fill: STATUS_FILL[mark.status],
        stroke: isSelected || active ? 'var(--color-slate-900)' : 'none',
      }}
      onPointerEnter={(event) => on.onHover(index, event.clientX, event.clientY)}
      onPointerLeave={() => on.onHover(null, 0, 0)}
      onClick={() => on.onActivate(index)}
    />
  );
}

export function TimelineMarks({
  marks,
  activeIndex,
  selectedRunId,
  onHover,
  onActivate,
  onSelectRange,
  missed,
}: TimelineMarksProps) {
  const scale = useXAxisScale();
  const inverse = useXAxisInverseScale();
  const area = usePlotArea();
  const { drag, handlers } = useDragRange(area, inverse, onSelectRange);
  if (!scale || !area || !inverse) return null;
  const laneHeight = area.height / LANES.length;
  const x = (t: number) => Number(scale(t));

  return (
    <g>
      {LANES.map((status, lane) => (
        <rect
          key={status}
          x={area.x}
          y={area.y + lane * laneHeight}
          width={area.width}
          height={laneHeight}
          style={{ fill: lane % 2 === 0 ? 'var(--color-slate-50)' : 'var(--color-white)' }}
        />
      ))}
      <rect
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        style={{ cursor: 'crosshair' }}
        {...handlers}
      />
      {marks.map((mark, index) => (
        <TimelineMark
          key={mark.kind === 'run' ? mark.run.run_id : `${mark.status}-${mark.start}`}
          mark={mark}
          index={index}
          area={area}
          laneHeight={laneHeight}
          x={x}
          selectedRunId={selectedRunId}
          active={index === activeIndex}
          onHover={onHover}
          onActivate={onActivate}
        />
      ))}
      {missed.map((m) => {
        const left = x(m.expectedAt);
        if (!Number.isFinite(left)) return null;
        const lane = LANES.indexOf('SUCCESS');
        return (
          <rect
            key={`missed-${m.expectedAt}`}
            data-testid="missed-mark"
            x={left}
            y={area.y + lane * laneHeight + laneHeight * 0.2}
            width={4}
            height={laneHeight * 0.6}
            fill="none"
            style={{ stroke: 'var(--color-amber-700)' }}
            strokeDasharray="2 1.5"
            pointerEvents="none"
          />
        );
      })}
      {drag && (
        <rect
          x={Math.min(drag.from, drag.to)}
          y={area.y}
          width={Math.abs(drag.to - drag.from)}
          height={area.height}
          fillOpacity={0.15}
          style={{ fill: 'var(--color-blue-700)', stroke: 'var(--color-blue-700)' }}
          pointerEvents="none"
        />
      )}
    </g>
  );
}
