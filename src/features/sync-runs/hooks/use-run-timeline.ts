// The timeline chart's state: its marks at the width it has, the mark shown in the tooltip (hovered
// or reached by the keyboard), and what a click, Enter or an arrow key does.
import { useMemo, useState, type RefObject } from 'react';
import type { SyncRun } from '@/lib/api/schemas';
import { buildTimeline, LANES, type Timeline } from '@/domain/sync-runs/view/timeline';
import { useElementWidth } from './use-element-width';

export const LANE_HEIGHT = 26;
export const AXIS_HEIGHT = 30;
export const LABEL_WIDTH = 84;

type Mark = Timeline['marks'][number];

/** What a key does on the chart: move to another mark, select the one reached, or leave it. */
export type TimelineKey = { move: number } | 'activate' | 'leave' | null;

/** The key's meaning, marks taken in time order (their drawing order is by lane). */
export function timelineKey(
  marks: readonly Mark[],
  current: number | null,
  key: string,
): TimelineKey {
  const count = marks.length;
  if (count === 0) return null;
  const order = marks
    .map((m, i) => [m.start, i] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, i]) => i);
  const position = current === null ? -1 : order.indexOf(current);
  let next: number | undefined;
  if (key === 'ArrowRight') next = order[Math.min(count - 1, position + 1)];
  else if (key === 'ArrowLeft') next = order[Math.max(0, position - 1)];
  else if (key === 'Home') next = order[0];
  else if (key === 'End') next = order[count - 1];
  else if ((key === 'Enter' || key === ' ') && current !== null) return 'activate';
  else if (key === 'Escape') return 'leave';
  return next === undefined ? null : { move: next };
}

export type RunTimelineInput = {
  runs: readonly SyncRun[];
  since: number;
  until: number;
  now: number;
  highlightedRunIds: ReadonlySet<string> | null;
  onSelectRun: (runId: string) => void;
  onSelectRange: (since: number, until: number) => void;
};

/** The chart's view, measured on `containerRef` (the element around the chart and its tooltip). */
export function useRunTimeline(
  input: RunTimelineInput,
  containerRef: RefObject<HTMLDivElement | null>,
) {
  const { runs, since, until, now, highlightedRunIds, onSelectRun, onSelectRange } = input;
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
    const action = timelineKey(timeline.marks, keyboardIndex, event.key);
    if (action === 'leave') setKeyboardIndex(null);
    else if (action === 'activate') {
      event.preventDefault();
      if (keyboardIndex !== null) activate(keyboardIndex);
    } else if (action) {
      event.preventDefault();
      setKeyboardIndex(action.move);
    }
  }

  function onHover(index: number | null, clientX: number, clientY: number) {
    const box = containerRef.current?.getBoundingClientRect();
    setHover(
      index === null || !box ? null : { index, x: clientX - box.left, y: clientY - box.top },
    );
  }

  const shown = hover?.index ?? keyboardIndex;
  const shownMark = shown !== null && shown !== undefined ? timeline.marks[shown] : undefined;
  const tooltipLeft = hover ? hover.x + 12 : LABEL_WIDTH;
  const tooltipTop = hover ? hover.y + 12 : height;

  return {
    plotWidth,
    timeline,
    height,
    data,
    keyboardIndex,
    activate,
    onKeyDown,
    onBlur: () => setKeyboardIndex(null),
    onHover,
    shownMark,
    /** Where the tooltip goes: by the pointer, or under the chart for the keyboard. */
    tooltip: { left: Math.min(tooltipLeft, width - 260), top: tooltipTop },
  };
}
